/**
 * Client-number normalization on Google's libphonenumber: {@link
 * io.github.missedcalls.examples.phone.LibPhoneNumberNormalizer}, a region-aware alternative to
 * the core's {@link io.github.missedcalls.DefaultNumberNormalizer}.
 */
@NullMarked
package io.github.missedcalls.examples.phone;

import org.jspecify.annotations.NullMarked;
