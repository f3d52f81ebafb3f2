// The report page: everything it shows comes from the JSON API of the same server.
// Every value from the server is written with textContent (or as an attribute value), never
// as markup, so a client number, an employee's name or a note holding markup is shown as text.
'use strict';

// Short labels for the table and the legend; the long ones on hover.
// Every word the page shows comes from /api/labels in the chosen language: the report's codes
// in the words the exports use (core's Labels), and the page's own words.
let words = null;

const LANG_KEY = 'missedCalls.lang';

// A page word with its {0}, {1}, ... filled in.
function t(key, ...values) {
  const word = (words && words.page[key]) || key;
  return word.replace(/\{(\d+)\}/g, (match, index) => String(values[Number(index)]));
}

function number(value) {
  return value.toLocaleString(state.lang);
}

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

const FORMATS = { csv: 'CSV', xlsx: 'XLSX', json: 'JSON' };

const ACTOR_KEY = 'missedCalls.actor';
const TABS = ['unprocessed', 'processed', 'team'];
const PAGE_SIZE = 200;

// The columns of each tab: the spec's row (R7) in the export's order, then lines and employees.
// A column's title is a key of the exports' columns (camelCase, as the JSON has them), or of the page's words.
const CLIENT_COLUMN = { key: 'client', cell: (row) => text(row.client, 'client') };
const COUNT_COLUMNS = [
  { key: 'missed', cell: (row) => text(number(row.missed)), numeric: true },
  { key: 'attempts', cell: (row) => text(number(row.attempts)), numeric: true },
];
const REASONS_COLUMN = { key: 'reasons', cell: (row) => reasonSequence(row.reasons) };
const FIRST_LAST_COLUMN = { page: 'column.firstLastMissed', cell: (row) => firstAndLast(row), nowrap: true };
const LINES_EMPLOYEES_COLUMN = {
  page: 'column.linesEmployees', cell: (row) => el('span', {}, [list(row.lines), list(row.employees, 'employees')]),
};
const ACTIONS_COLUMN = { cell: (row) => actions(row) };
const LOST_FOR_COLUMN = { key: 'lostForS', cell: (row) => duration(row.lostForS), numeric: true };
const WAITING_COLUMN = { key: 'waitingS', cell: (row) => duration(row.waitingS), numeric: true };
const OWNER_COLUMN = { key: 'owner', cell: (row) => text(row.owner || '', 'owner') };
const COLUMNS = {
  unprocessed: [
    ACTIONS_COLUMN,
    CLIENT_COLUMN,
    { key: 'firstMissedAt', cell: (row) => time(row.firstMissedAt), nowrap: true },
    { key: 'lastMissedAt', cell: (row) => time(row.lastMissedAt), nowrap: true },
    LOST_FOR_COLUMN,
    ...COUNT_COLUMNS,
    { key: 'reason', cell: (row) => reasonChip(row.reason) },
    REASONS_COLUMN,
    { page: 'column.lines', cell: (row) => list(row.lines) },
    { page: 'column.employees', cell: (row) => list(row.employees) },
    WAITING_COLUMN,
  ],
  // The processed tab needs the room for how each group was resolved, so it folds what it can
  // without losing a value: the first and last missed call in one cell (the time between them is
  // theirs to read, and on hover), the reasons of each call, which end with the last call's
  // reason, and the lines above the employees.
  processed: [
    CLIENT_COLUMN,
    FIRST_LAST_COLUMN,
    ...COUNT_COLUMNS,
    REASONS_COLUMN,
    LINES_EMPLOYEES_COLUMN,
    { key: 'resolution', cell: (row) => text(words.resolutions[row.resolution] || row.resolution) },
    { key: 'resolvedAt', cell: (row) => time(row.resolvedAt), nowrap: true },
    { key: 'resolvedBy', cell: (row) => text(row.resolvedBy || '') },
    { key: 'handleReason', cell: (row) => text(row.handleReason ? (words.handleReasons[row.handleReason] || row.handleReason) : '') },
    { key: 'note', cell: (row) => text(row.note || '', 'note') },
    { key: 'timeToResolutionS', cell: (row) => duration(row.timeToResolutionS), numeric: true },
  ],
};

// A project that works its report (R14 to R16) shows when each group is due and who is to call
// back, and on Unprocessed the priority, its parts on hover. To make room, Unprocessed folds
// what Processed folds (the first and last missed call, the reasons, the lines and employees).
const WORKFLOW_COLUMNS = {
  unprocessed: [
    ACTIONS_COLUMN,
    CLIENT_COLUMN,
    FIRST_LAST_COLUMN,
    LOST_FOR_COLUMN,
    ...COUNT_COLUMNS,
    REASONS_COLUMN,
    LINES_EMPLOYEES_COLUMN,
    WAITING_COLUMN,
    { key: 'due', cell: (row) => dueCell(row) },
    OWNER_COLUMN,
    { key: 'priority', cell: (row) => el('span', { title: row.priorityExplained || '', text: number(row.priority) }), numeric: true },
  ],
  // Processed has no room for two more columns: due, then whether it was met and the owner.
  processed: COLUMNS.processed.concat([{ page: 'column.dueOwner', cell: (row) => dueCell(row, true) }]),
};

function columnsOf(tab) {
  return (state.workflow ? WORKFLOW_COLUMNS : COLUMNS)[tab];
}

// Due (R14), and below it how late: by how much an open group is overdue, or whether a
// resolved one was resolved on time.
function dueCell(row, withOwner) {
  const cell = el('span', { class: 'due' }, [time(row.due)]);
  if (row.overdue === 'yes') {
    cell.append(el('span', { class: 'late', text: t('overdueBy', durationText(row.overdueS)) }));
  }
  if (withOwner) {
    const below = el('span', { class: 'met' });
    if (row.timeliness) {
      below.append(el('span', { class: row.timeliness === 'late' ? 'late' : 'on-time', text: t('timeliness.' + row.timeliness) }));
    }
    if (row.owner) {
      below.append(el('span', { class: 'owner', text: (row.timeliness ? ' · ' : '') + row.owner }));
    }
    cell.append(below);
  }
  return cell;
}

function columnTitle(column) {
  if (column.key) {
    return words.columns[column.key] || column.key;
  }
  return column.page ? t(column.page) : '';
}

const state = {
  lang: 'en',
  projects: [],
  project: null,
  tab: 'unprocessed',
  from: '',
  to: '',
  sort: 'tab',
  owner: '',
  workflow: false,
  owners: [],
  rows: [],
  total: 0,
  loads: 0,
  request: 0,
  handling: null,
  assigning: null,
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

// The short month names of the page's language; the day and month come from the API's text, so
// no zone conversion can move them.
// Made once per language, not once per cell.
const monthNames = { lang: null, names: [] };
function monthName(month) {
  if (monthNames.lang !== state.lang) {
    const format = new Intl.DateTimeFormat(state.lang, { month: 'short', timeZone: 'UTC' });
    monthNames.names = Array.from({ length: 12 }, (unused, i) => format.format(new Date(Date.UTC(2000, i, 15))));
    monthNames.lang = state.lang;
  }
  return monthNames.names[month - 1];
}

// The API writes times in the project's zone with their offset (2026-11-10T12:00:00+02:00);
// the page shows the day and the minute, the whole value on hover.
function shortTime(value) {
  // No-break spaces keep "28 Oct" and a number with its unit together when a narrow column wraps.
  return Number(value.slice(8, 10)) + '\u00a0' + monthName(Number(value.slice(5, 7))) + ' ' + value.slice(11, 16);
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
    return seconds + nb + t('unit.s');
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return minutes + nb + t('unit.min');
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return hours + nb + t('unit.h') + ' ' + String(minutes % 60).padStart(2, '0') + nb + t('unit.min');
  }
  return Math.floor(hours / 24) + nb + t('unit.d') + ' ' + (hours % 24) + nb + t('unit.h');
}

function duration(seconds) {
  return el('span', { title: seconds + ' s', text: durationText(seconds) });
}

function reasonLabel(name) {
  return words.reasons[name] || name;
}

function reasonDescription(name) {
  return words.descriptions[name] || name;
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

function list(values, className) {
  return el('span', { class: 'list' + (className ? ' ' + className : ''), text: (values || []).join('\n') });
}

// The first missed call, and below it the last when there was more than one, with the time
// between them on hover.
function firstAndLast(row) {
  const cell = el('span', { class: 'first-last', title: words.columns.lostForS + ': ' + durationText(row.lostForS) },
    [time(row.firstMissedAt)]);
  if (row.lastMissedAt !== row.firstMissedAt) {
    cell.append(time(row.lastMissedAt));
  }
  return cell;
}

function actionButton(row, action, open) {
  const button = el('button', { type: 'button', class: 'button small ' + action, text: t(action) });
  button.dataset.client = row.client;
  button.addEventListener('click', () => open(row));
  return button;
}

// Handle, and with owners (R16) Assign below it.
function actions(row) {
  const cell = el('span', { class: 'row-actions' }, [actionButton(row, 'handle', openHandle)]);
  if (state.workflow) {
    cell.append(actionButton(row, 'assign', openAssign));
  }
  return cell;
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

// A POST of one JSON object, answered like any other request of the API.
function postJson(path, body) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

// The report's query; with view, the order and owner filter of the rows shown too (an export
// has every row of its tab).
function reportQuery(extra, view = true) {
  const parameters = new URLSearchParams({
    project: state.project.id,
    from: state.from,
    to: state.to,
    tab: state.tab,
  });
  if (view && state.tab !== 'team') {
    if (state.sort !== 'tab' && state.tab === 'unprocessed') {
      parameters.set('sort', state.sort);
    }
    if (state.owner) {
      parameters.set('owner', state.owner);
    }
  }
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
  let team = null;
  try {
    if (state.tab === 'team') {
      // The summary strip, the chart and the tabs' counts come with the report; the report is
      // made once and reused by the server for both requests.
      [report, team] = await Promise.all([
        api('/api/report?' + reportQuery({ tab: 'unprocessed', offset: 0, limit: 1 })),
        api('/api/team?' + reportQuery()),
      ]);
    } else {
      report = await api('/api/report?' + reportQuery({ offset: 0, limit: PAGE_SIZE }));
    }
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
  if (!report.workflow && (state.owner || state.sort !== 'tab')) {
    // An order or owner from the address, for a project with no owners or priority: it would
    // hide every row behind a filter the page does not show, so it is dropped.
    state.owner = '';
    state.sort = 'tab';
    await load();
    return;
  }
  showError('');
  state.workflow = report.workflow;
  state.owners = report.owners;
  state.rows = team ? [] : report.rows;
  state.total = team ? 0 : report.total;
  drawSummary(report);
  drawChart(report.chart);
  drawTabs(report);
  drawView();
  drawRows();
  drawTeam(team);
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
  const groups = summary.unprocessedClients + summary.processedGroups;
  $('stat-unprocessed').textContent = number(summary.unprocessedClients);
  $('stat-missed').textContent = number(summary.missedCalls);
  $('stat-missed-label').textContent = summary.anonymousMissed > 0
    ? t('stat.missedWithheld', number(summary.anonymousMissed))
    : t('stat.missed');
  $('stat-rate').textContent = percent(summary.callbackRate);
  $('stat-rate-base').textContent = t('stat.rateBase', number(groups));
  $('stat-rate').title = t('stat.rateTitle', number(summary.calledBack), number(groups));
  $('stat-median').textContent = summary.medianTimeToCallbackS === null ? '–' : durationText(summary.medianTimeToCallbackS);

  const rejections = $('rejections');
  rejections.hidden = report.rejectedCount === 0;
  $('rejections-summary').textContent = t(report.rejectedCount === 1 ? 'rejected.one' : 'rejected.many', number(report.rejectedCount));
  const items = report.rejected.map((rejection) => el('li', {
    text: (rejection.id ? 'id ' + rejection.id + ': ' : '') + rejection.reason,
  }));
  $('rejections-list').replaceChildren(...items);
}

function drawTabs(report) {
  $('count-unprocessed').textContent = number(report.counts.unprocessed);
  $('count-processed').textContent = number(report.counts.processed);
  for (const tab of TABS) {
    const button = $('tab-' + tab);
    button.setAttribute('aria-selected', String(tab === state.tab));
    button.classList.toggle('active', tab === state.tab);
  }
  $('window').textContent = t('window', report.zone, report.windowStart.slice(0, 16).replace('T', ' '),
    report.windowEnd.slice(0, 16).replace('T', ' '), report.asOf.slice(11, 16));
}

function cellClass(column) {
  return [column.numeric ? 'numeric' : '', column.nowrap ? 'nowrap' : ''].join(' ').trim();
}

// The order and the owner filter, for a project with a workflow; the order on Unprocessed only.
function drawView() {
  const view = $('view');
  view.hidden = !state.workflow || state.tab === 'team';
  if (view.hidden) {
    return;
  }
  const sort = $('sort');
  sort.replaceChildren(...['tab', 'priority'].map((value) => el('option', { value, text: t('sort.' + value) })));
  sort.value = state.sort;
  // Priority orders open groups only (R15).
  sort.parentElement.hidden = state.tab !== 'unprocessed';
  const mine = localStorage.getItem(ACTOR_KEY);
  const options = [el('option', { value: '', text: t('owner.all') })];
  if (mine) {
    options.push(el('option', { value: mine, text: t('owner.mine', mine) }));
  }
  const names = state.owners.filter((name) => name !== mine);
  if (state.owner && state.owner !== mine && !names.includes(state.owner)) {
    names.push(state.owner); // a filter kept from the address or an earlier view
  }
  for (const name of names) {
    options.push(el('option', { value: name, text: name }));
  }
  $('owner').replaceChildren(...options);
  $('owner').value = state.owner;
}

function drawRows() {
  const main = state.tab !== 'team';
  $('rows').hidden = !main;
  if (!main) {
    $('empty').hidden = true;
    $('more').hidden = true;
    return;
  }
  const columns = columnsOf(state.tab);
  const header = el('tr', {}, columns.map((column) => el('th', {
    class: column.numeric ? 'numeric' : '',
    scope: 'col',
    text: columnTitle(column),
  })));
  $('rows').tHead.replaceChildren(header);
  const body = document.createDocumentFragment();
  for (const row of state.rows) {
    const tr = el('tr', {}, columns.map((column) => el('td', { class: cellClass(column) }, [column.cell(row)])));
    tr.dataset.client = row.client;
    if (row.overdue === 'yes') {
      tr.classList.add('overdue');
    }
    body.append(tr);
  }
  $('rows').tBodies[0].replaceChildren(body);
  $('empty').hidden = state.rows.length > 0;
  const more = $('more');
  more.hidden = state.rows.length >= state.total;
  more.textContent = t('more', number(state.total - state.rows.length));
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
  nodes.push(svgText(left - 4, top + 8, number(max), 'end'));
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

// ---- the team tab: how each manager did (R18) ----

function share(value) {
  return value === null || value === undefined ? '–' : Math.round(value * 100) + ' %';
}

function seconds(value) {
  return value === null || value === undefined ? text('–') : duration(value);
}

// The figures a head of sales reads first, of every part of the team; the export has them all.
const TEAM_COLUMNS = [
  { page: 'team.missed', cell: (part) => text(number(part.missedCalls)), numeric: true },
  { page: 'team.calledBack', cell: (part) => text(number(part.calledBack)), numeric: true },
  { page: 'team.handled', cell: (part) => text(number(part.handled)), numeric: true },
  { page: 'team.onTime', cell: (part) => el('span', {
    title: t('team.onTimeTitle', number(part.resolvedOnTime), number(part.resolvedWithDeadline)),
    text: share(part.onTimeShare),
  }), numeric: true },
  { page: 'team.attempts', cell: (part) => text(number(part.attempts)), numeric: true },
  { page: 'team.reached', cell: (part) => el('span', {
    title: t('team.reachedTitle', number(part.attemptsReached), number(part.attempts)),
    text: share(part.reachedShare),
  }), numeric: true },
  { page: 'team.toFirstAttempt', cell: (part) => seconds(part.medianToFirstAttemptS), numeric: true },
  { page: 'team.toResolution', cell: (part) => seconds(part.medianToResolutionS), numeric: true },
  { page: 'team.open', cell: (part) => text(number(part.open)), numeric: true },
  { page: 'team.overdue', cell: (part) => text(number(part.overdue)), numeric: true },
];

function drawTeamTable(table, nameTitle, parts, total) {
  const header = el('tr', {}, [el('th', { scope: 'col', text: nameTitle })].concat(TEAM_COLUMNS.map((column) => el('th', {
    class: 'numeric', scope: 'col', text: t(column.page),
  }))));
  table.tHead.replaceChildren(header);
  const rows = parts.map((part) => {
    const tr = teamRow(part.name, part);
    tr.dataset.name = part.name;
    return tr;
  });
  const all = teamRow(t('team.total'), total);
  all.className = 'total';
  table.tBodies[0].replaceChildren(...rows, all);
}

function teamRow(name, part) {
  return el('tr', {}, [el('td', {}, [text(name, 'name')])]
    .concat(TEAM_COLUMNS.map((column) => el('td', { class: 'numeric' }, [column.cell(part)]))));
}

function drawTeam(answer) {
  const section = $('team');
  section.hidden = !answer;
  if (!answer) {
    return;
  }
  const team = answer.team;
  drawTeamTable($('team-employees'), t('team.employee'), team.employees, team.total);
  drawTeamTable($('team-lines'), t('team.line'), team.lines, team.total);
  drawTeamChart(team.employees);
}

// One bar per manager: the median time from a group's first missed call to their first
// callback attempt, with a tick at the 90th percentile. The scale ends at three times the
// longest median, so that the medians stay comparable when a few overnight calls stretch the
// 90th percentiles; a tick beyond it is drawn at the edge as an arrowhead, its value in words.
function drawTeamChart(employees) {
  const box = $('team-chart');
  box.setAttribute('aria-label', t('team.chart'));
  const width = Math.max(320, box.clientWidth || 640);
  const left = 110;
  const right = 260;
  const bar = 16;
  const gap = 6;
  const top = 4;
  const measured = employees.filter((part) => part.medianToFirstAttemptS !== null);
  const rows = Math.max(1, employees.length);
  const height = top + rows * (bar + gap) + 16;
  box.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  box.style.height = height + 'px';
  const max = Math.max(1, Math.min(
    Math.max(0, ...measured.map((part) => part.p90ToFirstAttemptS)),
    3 * Math.max(0, ...measured.map((part) => part.medianToFirstAttemptS))));
  const plot = width - left - right;
  const at = (seconds) => left + Math.min(seconds, max) * plot / max;
  const nodes = [];
  employees.forEach((part, index) => {
    const y = top + index * (bar + gap);
    nodes.push(svgText(left - 6, y + bar - 4, part.name, 'end'));
    if (part.medianToFirstAttemptS === null) {
      nodes.push(svgText(left + 4, y + bar - 4, t('team.noAttempts'), 'start'));
      return;
    }
    const rect = svg('rect', {
      x: left, y, width: Math.max(1, at(part.medianToFirstAttemptS) - left), height: bar, class: 'median', 'data-name': part.name,
    });
    const title = svg('title');
    title.textContent = part.name + ': ' + t('team.chartTitle', durationText(part.medianToFirstAttemptS),
      durationText(part.p90ToFirstAttemptS), number(part.attempts));
    rect.append(title);
    nodes.push(rect);
    const p90 = at(part.p90ToFirstAttemptS);
    nodes.push(svg('line', { x1: left, y1: y + bar / 2, x2: p90, y2: y + bar / 2, class: 'spread' }));
    if (part.p90ToFirstAttemptS > max) {
      nodes.push(svg('path', { d: 'M' + p90 + ' ' + (y + 3) + ' l6 ' + (bar / 2 - 3) + ' l-6 ' + (bar / 2 - 3) + 'z', class: 'beyond' }));
    } else {
      nodes.push(svg('line', { x1: p90, y1: y + 2, x2: p90, y2: y + bar - 2, class: 'p90' }));
    }
    nodes.push(svgText(left + plot + 12, y + bar - 4,
      t('team.chartLabel', durationText(part.medianToFirstAttemptS), durationText(part.p90ToFirstAttemptS)), 'start'));
  });
  const axis = top + rows * (bar + gap);
  nodes.push(svg('line', { x1: left, y1: axis, x2: left + plot, y2: axis, class: 'axis' }));
  nodes.push(svgText(left, axis + 12, '0', 'start'));
  nodes.push(svgText(left + plot, axis + 12, durationText(max), 'end'));
  box.replaceChildren(...nodes);
}

// ---- assigning a row (R16) ----

function openAssign(row) {
  state.assigning = row;
  $('assign-client').textContent = row.client;
  $('assign-current').textContent = row.owner ? t('assign.current', row.owner) : t('assign.noOwner');
  const names = new Set(state.owners);
  for (const shown of state.rows) {
    for (const employee of shown.employees || []) {
      names.add(employee);
    }
  }
  $('assign-employees').replaceChildren(...[...names].sort().map((name) => el('option', { value: name })));
  $('assign-owner').value = '';
  $('assign-note').value = '';
  $('assign-actor').value = localStorage.getItem(ACTOR_KEY) || '';
  showDialogError('assign-error', '');
  $('assign-save').disabled = false;
  $('assign-dialog').showModal();
}

async function submitAssign(event) {
  event.preventDefault();
  const row = state.assigning;
  const owner = $('assign-owner').value.trim();
  const note = $('assign-note').value.trim();
  const actor = $('assign-actor').value.trim();
  if (!owner) {
    showDialogError('assign-error', t('assign.needOwner'));
    $('assign-owner').focus();
    return;
  }
  if (!actor) {
    showDialogError('assign-error', t('handle.needActor'));
    $('assign-actor').focus();
    return;
  }
  localStorage.setItem(ACTOR_KEY, actor);
  $('assign-save').disabled = true;
  try {
    const answer = await postJson('/api/assign', {
      project: state.project.id,
      client: row.client,
      owner,
      note: note || null,
      actor,
      from: state.from,
      to: state.to,
    });
    $('assign-dialog').close();
    toast(t('assigned', answer.assigned.client, answer.assigned.owner));
    await load();
  } catch (error) {
    showDialogError('assign-error', error.message);
    $('assign-save').disabled = false;
  }
}

// ---- handling a row ----

function openHandle(row) {
  state.handling = row;
  $('handle-client').textContent = row.client;
  $('handle-calls').textContent = t('handle.calls', number(row.missed), shortTime(row.firstMissedAt),
    shortTime(row.lastMissedAt), state.project.zone);
  for (const input of document.querySelectorAll('input[name="reason"]')) {
    input.checked = false;
  }
  $('handle-note').value = '';
  $('handle-actor').value = localStorage.getItem(ACTOR_KEY) || '';
  showDialogError('handle-error', '');
  $('handle-save').disabled = false;
  $('handle-dialog').showModal();
}

function showDialogError(id, message) {
  const banner = $(id);
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
    showDialogError('handle-error', t('handle.chooseReason'));
    return;
  }
  if (chosen.value === 'other' && !note) {
    showDialogError('handle-error', t('handle.needNote'));
    $('handle-note').focus();
    return;
  }
  if (!actor) {
    showDialogError('handle-error', t('handle.needActor'));
    $('handle-actor').focus();
    return;
  }
  localStorage.setItem(ACTOR_KEY, actor);
  $('handle-save').disabled = true;
  try {
    const answer = await postJson('/api/handle', {
      project: state.project.id,
      client: row.client,
      reason: chosen.value,
      note: note || null,
      actor,
      seenLastMissedAt: row.lastMissedAt,
      // The range the row was shown in: the group is looked for there, not in a default month.
      from: state.from,
      to: state.to,
    });
    $('handle-dialog').close();
    toast(t('handled', answer.handled.client, words.handleReasons[answer.handled.reason] || answer.handled.reason));
    await load();
  } catch (error) {
    showDialogError('handle-error', error.message);
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
  $('export').href = '/api/export?' + reportQuery({ format, lang: state.lang }, false);
  $('export').title = t('exportTitle', t('tab.' + state.tab), state.from, state.to, FORMATS[format]);
  const url = new URL(window.location.href);
  const shown = new URLSearchParams({
    project: state.project.id, tab: state.tab, from: state.from, to: state.to, lang: state.lang,
  });
  if (state.sort !== 'tab') {
    shown.set('sort', state.sort);
  }
  if (state.owner) {
    shown.set('owner', state.owner);
  }
  url.search = shown.toString();
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
    showError(t('rangeBackwards'));
    return;
  }
  state.from = from;
  state.to = to;
  load();
}

// The language: the address's lang, else the one chosen here before, else the browser's first
// language that has words, else English.
function chosenLanguage(wanted, offered) {
  const candidates = [wanted.get('lang'), localStorage.getItem(LANG_KEY)]
    .concat(navigator.languages || [navigator.language]);
  for (const candidate of candidates) {
    const tag = (candidate || '').toLowerCase().split('-')[0];
    if (offered.includes(tag)) {
      return tag;
    }
  }
  return 'en';
}

// Writes the page's fixed words, the reasons of the Handle dialog and the language menu.
function applyWords(meta) {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  $('chart').setAttribute('aria-label', t('chart.aria'));
  $('handle-reasons').replaceChildren(el('legend', { text: t('handle.reason') }), ...meta.handleReasons.map((reason) => el('label', { class: 'reason' }, [
    el('input', { type: 'radio', name: 'reason', value: reason }),
    ' ' + (words.handleReasons[reason] || reason),
  ])));
  $('lang').replaceChildren(...words.languages.map((language) => el('option', { value: language.tag, text: language.name })));
  $('lang').value = state.lang;
}

async function loadWords(lang) {
  words = await api('/api/labels?lang=' + encodeURIComponent(lang));
  state.lang = words.lang;
}

async function start() {
  let meta;
  const wanted = new URLSearchParams(window.location.search);
  try {
    meta = await api('/api/projects');
    await loadWords(chosenLanguage(wanted, ['en', 'uk', 'ru']));
  } catch (error) {
    showError(error.message);
    document.body.dataset.state = 'error';
    return;
  }
  state.projects = meta.projects;
  $('project').replaceChildren(...meta.projects.map((project) => el('option', { value: project.id, text: project.name })));
  $('format').replaceChildren(...meta.exportFormats.map((format) => el('option', { value: format, text: FORMATS[format] || format })));
  applyWords(meta);
  $('lang').addEventListener('change', async () => {
    try {
      await loadWords($('lang').value);
    } catch (error) {
      showError(error.message);
      return;
    }
    localStorage.setItem(LANG_KEY, state.lang);
    applyWords(meta);
    load();
  });

  const fromUrl = wanted.get('from') && wanted.get('to');
  state.from = wanted.get('from') || '';
  state.to = wanted.get('to') || '';
  state.tab = TABS.includes(wanted.get('tab')) ? wanted.get('tab') : 'unprocessed';
  state.sort = wanted.get('sort') === 'priority' ? 'priority' : 'tab';
  state.owner = wanted.get('owner') || '';
  selectProject(wanted.get('project'), Boolean(fromUrl));

  $('project').addEventListener('change', () => {
    selectProject($('project').value, true);
    state.owner = ''; // another project's employees
    load();
  });
  $('sort').addEventListener('change', () => {
    state.sort = $('sort').value;
    load();
  });
  $('owner').addEventListener('change', () => {
    state.owner = $('owner').value;
    load();
  });
  $('from').addEventListener('change', onRangeChange);
  $('to').addEventListener('change', onRangeChange);
  $('format').addEventListener('change', updateLinks);
  for (const tab of TABS) {
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
  $('assign-form').addEventListener('submit', submitAssign);
  $('assign-cancel').addEventListener('click', () => $('assign-dialog').close());
  await load();
}

document.addEventListener('DOMContentLoaded', start);
