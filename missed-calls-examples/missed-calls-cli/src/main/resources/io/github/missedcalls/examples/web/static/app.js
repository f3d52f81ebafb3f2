// The report page: everything it shows comes from the JSON API of the same server.
// Every value from the server is written with textContent (or as an attribute value), never
// as markup, so a client number, an employee's name or a note holding markup is shown as text.
'use strict';

// Short labels for the table and the legend; the long ones on hover.
const MISSED_REASONS = {
  SHORT_CONVERSATION: 'Talk too short',
  OUTSIDE_BUSINESS_HOURS: 'Outside hours',
  FORBIDDEN_DESTINATION: 'Number refused',
  FORWARDING_NOT_CONFIGURED: 'No forwarding',
  ABANDONED_EARLY: 'Hung up at once',
  ABANDONED_DURING_GREETING: 'Hung up in greeting',
  ABANDONED_IN_IVR: 'Hung up in menu',
  ALL_MANAGERS_UNAVAILABLE: 'No manager free',
  NOT_ANSWERED_BY_MANAGERS: 'Not answered',
  UNKNOWN: 'Unknown',
};

const MISSED_REASON_DESCRIPTIONS = {
  SHORT_CONVERSATION: 'Answered, but the conversation was too short to count',
  OUTSIDE_BUSINESS_HOURS: 'Called outside business hours',
  FORBIDDEN_DESTINATION: 'The destination was refused (an invalid or blocked number)',
  FORWARDING_NOT_CONFIGURED: 'No forwarding scheme was set up',
  ABANDONED_EARLY: 'Hung up within seconds, before anyone could answer',
  ABANDONED_DURING_GREETING: 'Hung up during the welcome message',
  ABANDONED_IN_IVR: 'Hung up in the voice menu',
  ALL_MANAGERS_UNAVAILABLE: 'All managers were busy, offline or in do-not-disturb',
  NOT_ANSWERED_BY_MANAGERS: 'Managers were rung and none answered',
  UNKNOWN: 'No rule applied',
};

const REASON_COLORS = {
  SHORT_CONVERSATION: '#8c564b',
  OUTSIDE_BUSINESS_HOURS: '#7f7f7f',
  FORBIDDEN_DESTINATION: '#bcbd22',
  FORWARDING_NOT_CONFIGURED: '#17becf',
  ABANDONED_EARLY: '#aec7e8',
  ABANDONED_DURING_GREETING: '#1f77b4',
  ABANDONED_IN_IVR: '#9467bd',
  ALL_MANAGERS_UNAVAILABLE: '#ff7f0e',
  NOT_ANSWERED_BY_MANAGERS: '#d62728',
  UNKNOWN: '#c7c7c7',
};

const HANDLE_REASONS = {
  spam: 'Spam',
  wrong_number: 'Wrong number',
  resolved_elsewhere: 'Resolved elsewhere',
  not_sales: 'Not a sales matter',
  duplicate: 'Duplicate',
  other: 'Another variant',
};

const RESOLUTIONS = {
  called_back: 'Called back',
  client_got_through: 'Client got through',
  handled: 'Handled',
};

const FORMATS = { csv: 'CSV', xlsx: 'XLSX', json: 'JSON' };

const ACTOR_KEY = 'missedCalls.actor';
const PAGE_SIZE = 200;

// The columns of each tab: the spec's row (R7) in the export's order, then lines and employees.
const COMMON_COLUMNS = [
  { title: 'Client', cell: (row) => text(row.client, 'client') },
  { title: 'First missed', cell: (row) => time(row.firstMissedAt) },
  { title: 'Last missed', cell: (row) => time(row.lastMissedAt) },
  { title: 'Lost for', cell: (row) => duration(row.lostForS), numeric: true },
  { title: 'Missed', cell: (row) => text(String(row.missed)), numeric: true },
  { title: 'Attempts', cell: (row) => text(String(row.attempts)), numeric: true },
  { title: 'Reason', cell: (row) => reasonChip(row.reason) },
  { title: 'Reasons of the calls', cell: (row) => reasonSequence(row.reasons) },
  { title: 'Lines', cell: (row) => list(row.lines) },
  { title: 'Employees', cell: (row) => list(row.employees) },
];
const COLUMNS = {
  unprocessed: [{ title: '', cell: (row) => handleButton(row) }].concat(COMMON_COLUMNS, [
    { title: 'Waiting', cell: (row) => duration(row.waitingS), numeric: true },
  ]),
  processed: COMMON_COLUMNS.concat([
    { title: 'Resolution', cell: (row) => text(RESOLUTIONS[row.resolution] || row.resolution) },
    { title: 'Resolved at', cell: (row) => time(row.resolvedAt) },
    { title: 'By', cell: (row) => text(row.resolvedBy || '') },
    { title: 'Handle reason', cell: (row) => text(row.handleReason ? (HANDLE_REASONS[row.handleReason] || row.handleReason) : '') },
    { title: 'Note', cell: (row) => text(row.note || '', 'note') },
    { title: 'Time to resolution', cell: (row) => duration(row.timeToResolutionS), numeric: true },
  ]),
};

const state = {
  projects: [],
  project: null,
  tab: 'unprocessed',
  from: '',
  to: '',
  rows: [],
  total: 0,
  loads: 0,
  request: 0,
  handling: null,
};

const $ = (id) => document.getElementById(id);

// ---- small DOM helpers: text only, never markup ----

function el(tag, attributes, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name === 'text') {
      node.textContent = value;
    } else if (name === 'class') {
      node.className = value;
    } else {
      node.setAttribute(name, value);
    }
  }
  for (const child of children || []) {
    node.append(child);
  }
  return node;
}

function text(value, className) {
  return el('span', className ? { class: className, text: value } : { text: value });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// The API writes times in the project's zone with their offset (2026-11-10T12:00:00+02:00);
// the page shows the day and the minute, the whole value on hover.
function shortTime(value) {
  // No-break spaces keep "28 Oct" and a number with its unit together when a narrow column wraps.
  return Number(value.slice(8, 10)) + '\u00a0' + MONTHS[Number(value.slice(5, 7)) - 1] + ' ' + value.slice(11, 16);
}

function time(value) {
  if (!value) {
    return text('');
  }
  return el('time', { datetime: value, title: value, text: shortTime(value) });
}

function durationText(seconds) {
  if (seconds === null || seconds === undefined) {
    return '';
  }
  const nb = '\u00a0';
  if (seconds < 60) {
    return seconds + nb + 's';
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return minutes + nb + 'min';
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return hours + nb + 'h ' + String(minutes % 60).padStart(2, '0') + nb + 'min';
  }
  return Math.floor(hours / 24) + nb + 'd ' + (hours % 24) + nb + 'h';
}

function duration(seconds) {
  return el('span', { title: seconds + ' s', text: durationText(seconds) });
}

function reasonLabel(name) {
  return MISSED_REASONS[name] || name;
}

function reasonDescription(name) {
  return MISSED_REASON_DESCRIPTIONS[name] || name;
}

function reasonChip(name) {
  const chip = el('span', { class: 'chip', title: reasonDescription(name), text: reasonLabel(name) });
  chip.style.borderColor = REASON_COLORS[name] || '#999';
  return chip;
}

// The reasons of a group's calls in start order, a run of the same reason written once with its count.
function reasonSequence(joined) {
  const names = joined ? joined.split('|') : [];
  const cell = el('span', { class: 'sequence', title: names.map(reasonLabel).join(' → ') });
  let i = 0;
  while (i < names.length) {
    let j = i;
    while (j < names.length && names[j] === names[i]) {
      j++;
    }
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = REASON_COLORS[names[i]] || '#999';
    cell.append(el('span', { class: 'run' }, [swatch, reasonLabel(names[i]) + (j - i > 1 ? ' ×' + (j - i) : '')]));
    i = j;
  }
  return cell;
}

function list(values) {
  return el('span', { class: 'list', text: (values || []).join('\n') });
}

function handleButton(row) {
  const button = el('button', { type: 'button', class: 'button small handle', text: 'Handle' });
  button.dataset.client = row.client;
  button.addEventListener('click', () => openHandle(row));
  return button;
}

// ---- the API ----

async function api(path, options) {
  const response = await fetch(path, options);
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const error = new Error(body && body.error ? body.error : 'the server answered ' + response.status);
    error.status = response.status;
    throw error;
  }
  return body;
}

function reportQuery(extra) {
  const parameters = new URLSearchParams({
    project: state.project.id,
    from: state.from,
    to: state.to,
    tab: state.tab,
  });
  for (const [name, value] of Object.entries(extra || {})) {
    parameters.set(name, value);
  }
  return parameters.toString();
}

function showError(message) {
  const banner = $('error');
  banner.textContent = message;
  banner.hidden = !message;
}

// ---- loading and drawing the report ----

async function load() {
  const request = ++state.request;
  document.body.dataset.state = 'loading';
  performance.mark('report-requested');
  updateLinks();
  let report;
  try {
    report = await api('/api/report?' + reportQuery({ offset: 0, limit: PAGE_SIZE }));
  } catch (error) {
    if (request === state.request) {
      showError(error.message);
      document.body.dataset.state = 'error';
    }
    return;
  }
  if (request !== state.request) {
    return; // a later request is on its way
  }
  showError('');
  state.rows = report.rows;
  state.total = report.total;
  drawSummary(report);
  drawChart(report.chart);
  drawTabs(report);
  drawRows();
  performance.mark('report-rendered');
  state.loads++;
  document.body.dataset.loads = String(state.loads);
  document.body.dataset.state = 'ready';
}

async function loadMore() {
  const request = state.request;
  const more = await api('/api/report?' + reportQuery({ offset: state.rows.length, limit: PAGE_SIZE }));
  if (request === state.request) {
    state.rows = state.rows.concat(more.rows);
    drawRows();
  }
}

function percent(rate) {
  return rate === null ? '–' : Math.round(rate * 100) + ' %';
}

function drawSummary(report) {
  const summary = report.summary;
  $('stat-unprocessed').textContent = summary.unprocessedClients.toLocaleString('en');
  $('stat-missed').textContent = summary.missedCalls.toLocaleString('en');
  $('stat-missed-label').textContent = summary.anonymousMissed > 0
    ? 'Missed calls, + ' + summary.anonymousMissed.toLocaleString('en') + ' from withheld numbers'
    : 'Missed calls';
  $('stat-rate').textContent = percent(summary.callbackRate);
  $('stat-rate').title = summary.calledBack + ' of ' + (summary.unprocessedClients + summary.processedGroups)
    + ' groups called back by a manager';
  $('stat-median').textContent = summary.medianTimeToCallbackS === null ? '–' : durationText(summary.medianTimeToCallbackS);

  const rejections = $('rejections');
  rejections.hidden = report.rejectedCount === 0;
  $('rejections-summary').textContent = report.rejectedCount.toLocaleString('en')
    + (report.rejectedCount === 1 ? ' record' : ' records') + ' rejected (not in the report)';
  const items = report.rejected.map((rejection) => el('li', {
    text: (rejection.id ? 'id ' + rejection.id + ': ' : '') + rejection.reason,
  }));
  $('rejections-list').replaceChildren(...items);
}

function drawTabs(report) {
  $('count-unprocessed').textContent = report.counts.unprocessed.toLocaleString('en');
  $('count-processed').textContent = report.counts.processed.toLocaleString('en');
  for (const tab of ['unprocessed', 'processed']) {
    const button = $('tab-' + tab);
    button.setAttribute('aria-selected', String(tab === state.tab));
    button.classList.toggle('active', tab === state.tab);
  }
  $('window').textContent = 'Times in ' + report.zone + ' · window ' + report.windowStart.slice(0, 16).replace('T', ' ')
    + ' to ' + report.windowEnd.slice(0, 16).replace('T', ' ') + ' · as of ' + report.asOf.slice(11, 16);
}

function drawRows() {
  const columns = COLUMNS[state.tab];
  const header = el('tr', {}, columns.map((column) => el('th', {
    class: column.numeric ? 'numeric' : '',
    scope: 'col',
    text: column.title,
  })));
  $('rows').tHead.replaceChildren(header);
  const body = document.createDocumentFragment();
  for (const row of state.rows) {
    const tr = el('tr', {}, columns.map((column) => el('td', { class: column.numeric ? 'numeric' : '' }, [column.cell(row)])));
    tr.dataset.client = row.client;
    body.append(tr);
  }
  $('rows').tBodies[0].replaceChildren(body);
  $('empty').hidden = state.rows.length > 0;
  const more = $('more');
  more.hidden = state.rows.length >= state.total;
  more.textContent = 'Show more (' + (state.total - state.rows.length).toLocaleString('en') + ' left)';
}

// ---- the chart: missed calls by hour of day, stacked by reason, drawn as SVG elements ----

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, String(value));
  }
  for (const child of children || []) {
    node.append(child);
  }
  return node;
}

function svgText(x, y, value, anchor) {
  const node = svg('text', { x, y, 'text-anchor': anchor || 'middle' });
  node.textContent = value;
  return node;
}

function drawChart(chart) {
  const box = $('chart');
  const width = Math.max(320, box.clientWidth || 640);
  const height = 150;
  const left = 36;
  const bottom = 18;
  const top = 6;
  box.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  const totals = chart.hours.map((counts) => counts.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const plotHeight = height - bottom - top;
  const slot = (width - left) / 24;
  const nodes = [];
  nodes.push(svg('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, class: 'axis' }));
  nodes.push(svgText(left - 4, top + 8, max.toLocaleString('en'), 'end'));
  nodes.push(svgText(left - 4, height - bottom, '0', 'end'));
  const used = new Set();
  chart.hours.forEach((counts, hour) => {
    let y = height - bottom;
    counts.forEach((count, index) => {
      if (count === 0) {
        return;
      }
      const reason = chart.reasons[index];
      used.add(reason);
      const barHeight = (count / max) * plotHeight;
      y -= barHeight;
      const rect = svg('rect', {
        x: left + hour * slot + 1,
        y,
        width: Math.max(1, slot - 2),
        height: barHeight,
        fill: REASON_COLORS[reason] || '#999',
      });
      const title = svg('title');
      title.textContent = String(hour).padStart(2, '0') + ':00–' + String(hour + 1).padStart(2, '0') + ':00 · '
        + reasonDescription(reason) + ': ' + count;
      rect.append(title);
      nodes.push(rect);
    });
    if (hour % 3 === 0) {
      nodes.push(svgText(left + hour * slot + slot / 2, height - 4, String(hour).padStart(2, '0') + ':00'));
    }
  });
  box.replaceChildren(...nodes);
  const legend = chart.reasons.filter((reason) => used.has(reason)).map((reason) => {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = REASON_COLORS[reason] || '#999';
    return el('span', { class: 'legend-item', title: reasonDescription(reason) }, [swatch, reasonLabel(reason)]);
  });
  $('legend').replaceChildren(...legend);
}

// ---- handling a row ----

function openHandle(row) {
  state.handling = row;
  $('handle-client').textContent = row.client;
  $('handle-calls').textContent = row.missed + (row.missed === 1 ? ' missed call, ' : ' missed calls, ')
    + 'first ' + shortTime(row.firstMissedAt) + ', last ' + shortTime(row.lastMissedAt) + ' (' + state.project.zone + ')';
  for (const input of document.querySelectorAll('input[name="reason"]')) {
    input.checked = false;
  }
  $('handle-note').value = '';
  $('handle-actor').value = localStorage.getItem(ACTOR_KEY) || '';
  showHandleError('');
  $('handle-save').disabled = false;
  $('handle-dialog').showModal();
}

function showHandleError(message) {
  const banner = $('handle-error');
  banner.textContent = message;
  banner.hidden = !message;
}

async function submitHandle(event) {
  event.preventDefault();
  const row = state.handling;
  const chosen = document.querySelector('input[name="reason"]:checked');
  const note = $('handle-note').value.trim();
  const actor = $('handle-actor').value.trim();
  if (!chosen) {
    showHandleError('Choose a reason.');
    return;
  }
  if (chosen.value === 'other' && !note) {
    showHandleError('Write a note: another variant needs one.');
    $('handle-note').focus();
    return;
  }
  if (!actor) {
    showHandleError('Write your name: it is recorded with the handle.');
    $('handle-actor').focus();
    return;
  }
  localStorage.setItem(ACTOR_KEY, actor);
  $('handle-save').disabled = true;
  try {
    const answer = await api('/api/handle', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        project: state.project.id,
        client: row.client,
        reason: chosen.value,
        note: note || null,
        actor,
        seenLastMissedAt: row.lastMissedAt,
        // The range the row was shown in: the group is looked for there, not in a default month.
        from: state.from,
        to: state.to,
      }),
    });
    $('handle-dialog').close();
    toast('Handled ' + answer.handled.client + ': ' + (HANDLE_REASONS[answer.handled.reason] || answer.handled.reason));
    await load();
  } catch (error) {
    showHandleError(error.message);
    $('handle-save').disabled = false;
  }
}

let toastTimer = null;

function toast(message) {
  const node = $('toast');
  node.textContent = message;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { node.hidden = true; }, 4000);
}

// ---- the controls ----

function updateLinks() {
  const format = $('format').value;
  $('export').href = '/api/export?' + reportQuery({ format });
  $('export').title = 'Download the ' + state.tab + ' tab, ' + state.from + ' to ' + state.to + ', as ' + FORMATS[format];
  const url = new URL(window.location.href);
  url.search = new URLSearchParams({ project: state.project.id, tab: state.tab, from: state.from, to: state.to }).toString();
  history.replaceState(null, '', url);
}

function selectProject(id, keepRange) {
  state.project = state.projects.find((project) => project.id === id) || state.projects[0];
  $('project').value = state.project.id;
  $('zone').textContent = state.project.zone;
  if (!keepRange) {
    state.from = state.project.defaultFrom;
    state.to = state.project.defaultTo;
  }
  $('from').value = state.from;
  $('to').value = state.to;
}

function onRangeChange() {
  const from = $('from').value;
  const to = $('to').value;
  if (!from || !to) {
    return; // a half-typed date
  }
  if (from > to) {
    showError('The range starts after it ends.');
    return;
  }
  state.from = from;
  state.to = to;
  load();
}

async function start() {
  let meta;
  try {
    meta = await api('/api/projects');
  } catch (error) {
    showError(error.message);
    document.body.dataset.state = 'error';
    return;
  }
  state.projects = meta.projects;
  $('project').replaceChildren(...meta.projects.map((project) => el('option', { value: project.id, text: project.name })));
  $('format').replaceChildren(...meta.exportFormats.map((format) => el('option', { value: format, text: FORMATS[format] || format })));
  $('handle-reasons').replaceChildren(el('legend', { text: 'Reason' }), ...meta.handleReasons.map((reason) => el('label', { class: 'reason' }, [
    el('input', { type: 'radio', name: 'reason', value: reason }),
    ' ' + (HANDLE_REASONS[reason] || reason),
  ])));

  const wanted = new URLSearchParams(window.location.search);
  const fromUrl = wanted.get('from') && wanted.get('to');
  state.from = wanted.get('from') || '';
  state.to = wanted.get('to') || '';
  state.tab = wanted.get('tab') === 'processed' ? 'processed' : 'unprocessed';
  selectProject(wanted.get('project'), Boolean(fromUrl));

  $('project').addEventListener('change', () => {
    selectProject($('project').value, true);
    load();
  });
  $('from').addEventListener('change', onRangeChange);
  $('to').addEventListener('change', onRangeChange);
  $('format').addEventListener('change', updateLinks);
  for (const tab of ['unprocessed', 'processed']) {
    $('tab-' + tab).addEventListener('click', () => {
      if (state.tab !== tab) {
        state.tab = tab;
        load();
      }
    });
  }
  $('more').addEventListener('click', () => loadMore().catch((error) => showError(error.message)));
  $('handle-form').addEventListener('submit', submitHandle);
  $('handle-cancel').addEventListener('click', () => $('handle-dialog').close());
  await load();
}

document.addEventListener('DOMContentLoaded', start);
