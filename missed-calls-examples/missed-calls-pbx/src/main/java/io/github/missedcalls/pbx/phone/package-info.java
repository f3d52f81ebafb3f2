/**
 * Client-number normalization on Google's libphonenumber: {@link
 * io.github.missedcalls.pbx.phone.LibPhoneNumberNormalizer}, a region-aware alternative to
 * the core's {@link io.github.missedcalls.DefaultNumberNormalizer}.
 */
@NullMarked
package io.github.missedcalls.pbx.phone;

import org.jspecify.annotations.NullMarked;
