// The board's screens: the pack archive (#), a month's dashboard (#run=ID) with its action points.
// Figures come from the run's stored snapshot (api/runs/{id}/snapshot), the one its PDF was rendered from.
import {el, fill, figure, monthName, rag, say, table, when} from './dom.js';
import {actionPoints, reason, runs} from './api.js';
import {start} from './shell.js';
import {trendChart} from './trend-chart.js';

/** The action points' lifecycle, in order. */
const STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'];

const me = await start('board.html');
const screen = document.querySelector('#screen');
const notice = document.querySelector('#notice');
const mayMoveActions = me && me.roles.includes('strategy');

if (me) {
    window.addEventListener('hashchange', show);
    show();
}

function show() {
    notice.textContent = '';
    const run = /^#run=(\d+)$/.exec(location.hash);
    (run ? dashboard(Number(run[1])) : archive()).catch(error => say(notice, String(error.message || error), 'problem'));
}

// ---------------------------------------------------------------- the pack archive

async function archive() {
    document.title = 'Board packs — Rapport';
    fill(screen, el('h1', {}, 'Board packs'), el('p', {className: 'muted'}, 'Loading…'));
    const answer = await runs.list();
    if (!answer.ok) {
        throw new Error('The runs could not be read: ' + reason(answer));
    }
    const byMonth = new Map();
    answer.data.forEach(run => {
        if (!byMonth.has(run.month)) {
            byMonth.set(run.month, []);
        }
        byMonth.get(run.month).push(run);
    });
    const months = [...byMonth.keys()].sort().reverse();
    fill(screen,
        el('h1', {}, 'Board packs'),
        el('p', {className: 'muted'}, 'Every month with its runs. A month run again (a late file, a re-run) gets a new revision; each keeps its own pack.'),
        months.length === 0 ? el('p', {}, 'No month has been run yet.') : null,
        el('div', {id: 'archive'}, months.map(month => monthSection(month, byMonth.get(month)))));
}

function monthSection(month, monthRuns) {
    const oldestFirst = [...monthRuns].sort((a, b) => a.id - b.id);
    const revision = run => oldestFirst.indexOf(run) + 1;
    const newestFirst = [...monthRuns].sort((a, b) => b.id - a.id);
    return el('section', {className: 'month', attrs: {'data-month': month}},
        el('h2', {}, monthName(month)),
        table({
            caption: 'Runs of ' + monthName(month),
            headers: ['Revision', 'Run', 'Status', 'Finished', 'Rule set', 'Pack', 'Dashboard', 'Who received it'],
            rows: newestFirst,
            cells: run => [
                'Revision ' + revision(run) + (run === newestFirst[0] ? ' (latest)' : ''),
                String(run.id),
                run.status + (run.failure ? ': ' + run.failure : ''),
                when(run.finishedAt),
                run.ruleSetVersion,
                run.packUrl ? el('a', {href: run.packUrl, attrs: {'aria-label': 'PDF of run ' + run.id}}, 'PDF') : '—',
                el('a', {href: '#run=' + run.id, className: 'open-dashboard', attrs: {'aria-label': 'Dashboard of run ' + run.id}}, 'Open'),
                run.packUrl ? recipients(run) : '—'
            ]
        }));
}

/** Who received the pack, read when the reader opens it. */
function recipients(run) {
    const list = el('div', {className: 'recipients'}, el('span', {className: 'muted'}, 'Loading…'));
    const details = el('details', {}, el('summary', {}, 'Recipients'), list);
    details.addEventListener('toggle', async () => {
        if (!details.open || details.dataset.loaded) {
            return;
        }
        details.dataset.loaded = 'yes';
        const answer = await runs.deliveries(run.id);
        if (!answer.ok) {
            fill(list, el('span', {className: 'problem'}, reason(answer)));
        } else if (answer.data.length === 0) {
            fill(list, el('span', {className: 'muted'}, 'Not sent to anyone (no distribution list, or not yet).'));
        } else {
            fill(list, el('ul', {}, answer.data.map(delivery => el('li', {},
                delivery.target + ' — ' + delivery.status + (delivery.deliveredAt ? ' ' + when(delivery.deliveredAt) : '')
                + (delivery.channel ? ' (' + delivery.channel.toLowerCase() + ')' : '')))));
        }
    });
    return details;
}

// ---------------------------------------------------------------- a month's dashboard

async function dashboard(runId) {
    fill(screen, el('p', {className: 'muted'}, 'Loading run ' + runId + '…'));
    const [snapshotAnswer, detailAnswer, actionsAnswer] = await Promise.all(
        [runs.snapshot(runId), runs.detail(runId), actionPoints.list(runId)]);
    if (!snapshotAnswer.ok) {
        throw new Error('Run ' + runId + ' cannot be shown: ' + reason(snapshotAnswer));
    }
    const snapshot = snapshotAnswer.data;
    const themes = detailAnswer.ok ? detailAnswer.data.requestThemes || [] : [];
    const actions = actionsAnswer.ok ? actionsAnswer.data : [];
    document.title = monthName(snapshot.month) + ' — Rapport';
    fill(screen,
        el('p', {}, el('a', {href: '#'}, '← All board packs')),
        el('h1', {}, monthName(snapshot.month)),
        el('p', {className: 'muted'}, 'Run ' + snapshot.runId + ', measured ' + when(snapshot.measuredAt)
            + ', rule set ' + snapshot.ruleSetVersion + '. ',
            el('a', {href: runs.packUrl(snapshot.runId)}, 'Board pack (PDF)'),
            ' — the figures below are the ones it prints.'),
        headlines(snapshot),
        kpiTable(snapshot),
        stagesAndMovement(snapshot),
        churnReasons(snapshot.retention),
        requestThemes(themes),
        actionPointSection(snapshot, actions));
    screen.querySelectorAll('[data-trend]').forEach(holder => trendChart(holder, JSON.parse(holder.dataset.trend)));
}

/** Why a KPI has no figure this month, as the pack says it; nothing when it has one. */
function noDataReason(line) {
    return line && (line.value === null || line.value === undefined) && line.noDataReason
        ? el('span', {className: 'muted no-data-reason'}, ' no data: ' + line.noDataReason) : null;
}

function headlines(snapshot) {
    const overall = new Map(overallLines(snapshot).map(kpi => [kpi.code, kpi]));
    return el('section', {attrs: {'aria-labelledby': 'headlines-title'}},
        el('h2', {id: 'headlines-title'}, 'Headlines'),
        el('ul', {className: 'tiles', id: 'tiles'}, (snapshot.headlines || []).map(tile =>
            el('li', {className: 'tile', attrs: {'data-code': tile.code}},
                el('h3', {}, tile.name),
                el('p', {className: 'tile-value'}, figure(tile.value, tile.unit), ' ', rag(tile.rag)),
                tile.value === null || tile.value === undefined ? el('p', {}, noDataReason(overall.get(tile.code))) : null,
                el('p', {className: 'muted'}, 'Target ' + figure(tile.target, tile.unit)
                    + ' · last month ' + figure(tile.previous, tile.unit)),
                el('div', {className: 'trend', attrs: {
                    'data-trend': JSON.stringify({name: tile.name, unit: tile.unit, target: tile.target, points: tile.trend || []})
                }})))));
}

function overallLines(snapshot) {
    return (snapshot.kpis || []).filter(kpi => kpi.dimension === 'overall');
}

function kpiTable(snapshot) {
    const definitions = new Map(((snapshot.appendix || {}).definitions || []).map(definition => [definition.code, definition]));
    const lines = overallLines(snapshot);
    const body = el('tbody');
    lines.forEach(kpi => {
        const hasSlices = (definitions.get(kpi.code) || {breakdowns: []}).breakdowns.length > 0
            || (snapshot.kpis || []).some(line => line.code === kpi.code && line.dimension !== 'overall');
        const detailRow = el('tr', {className: 'drill', hidden: true}, el('td', {colSpan: 7}));
        const button = hasSlices ? el('button', {type: 'button', className: 'link drill-down',
            attrs: {'aria-expanded': 'false', 'data-code': kpi.code},
            on: {click: () => toggleBreakdowns(snapshot.runId, kpi.code, button, detailRow)}}, 'Breakdowns') : null;
        body.appendChild(el('tr', {attrs: {'data-code': kpi.code}},
            el('th', {attrs: {scope: 'row'}}, kpi.name, el('br'), el('span', {className: 'muted code'}, kpi.code)),
            el('td', {className: 'num'}, figure(kpi.value, kpi.unit), noDataReason(kpi)),
            el('td', {className: 'num'}, figure(kpi.target, kpi.unit)),
            el('td', {}, rag(kpi.rag)),
            el('td', {className: 'num'}, figure(kpi.previous, kpi.unit)),
            el('td', {className: 'num'}, String(kpi.sampleSize)),
            el('td', {}, button)));
        body.appendChild(detailRow);
    });
    return el('section', {attrs: {'aria-labelledby': 'kpis-title'}},
        el('h2', {id: 'kpis-title'}, 'All KPIs'),
        el('div', {className: 'table-scroll'}, el('table', {id: 'kpi-table'},
            el('thead', {}, el('tr', {}, ['KPI', 'Value', 'Target', 'RAG', 'Last month', 'Sample', 'Drill down']
                .map(header => el('th', {attrs: {scope: 'col'}, className: ['Value', 'Target', 'Last month', 'Sample']
                    .includes(header) ? 'num' : ''}, header)))),
            body)));
}

async function toggleBreakdowns(runId, code, button, detailRow) {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    detailRow.hidden = open;
    if (open || detailRow.dataset.loaded) {
        return;
    }
    const cell = detailRow.firstChild;
    fill(cell, el('span', {className: 'muted'}, 'Loading…'));
    const answer = await runs.breakdowns(runId, code);
    if (!answer.ok) {
        fill(cell, el('span', {className: 'problem'}, reason(answer)));
        return;
    }
    detailRow.dataset.loaded = 'yes';
    const breakdown = answer.data;
    fill(cell, el('div', {className: 'breakdowns', attrs: {'data-code': code}},
        breakdown.breakdownNote ? el('p', {className: 'muted'}, breakdown.breakdownNote) : null,
        Object.entries(breakdown.breakdowns || {}).map(([name, slices]) => table({
            caption: breakdown.name + ' by ' + name.replace(/_/g, ' '),
            headers: [name.replace(/_/g, ' '), 'Value', 'Target', 'RAG', 'Last month', 'Sample'],
            rows: slices,
            empty: 'Not measured by ' + name.replace(/_/g, ' ') + ' this month.',
            cells: line => [line.dimension.substring(line.dimension.indexOf('=') + 1), figure(line.value, line.unit),
                figure(line.target, line.unit), rag(line.rag), figure(line.previous, line.unit), String(line.sampleSize)]
        }))));
}

function stagesAndMovement(snapshot) {
    const engagement = snapshot.engagement || {stages: []};
    const movements = snapshot.movements || {improvements: [], declines: []};
    const movementList = (title, list) => el('div', {},
        el('h3', {}, title),
        list.length === 0 ? el('p', {className: 'muted'}, 'None.') : el('ul', {}, list.map(move =>
            el('li', {}, move.name + ': ' + figure(move.previous, move.unit) + ' → ' + figure(move.value, move.unit)))));
    return el('section', {attrs: {'aria-labelledby': 'stages-title'}},
        el('h2', {id: 'stages-title'}, 'Engagement stages and movement'),
        engagement.scored > 0
            ? el('p', {}, engagement.scored + ' customers scored. Since last month: ' + engagement.movedUp + ' moved up, '
                + engagement.movedDown + ' moved down, ' + engagement.unchanged + ' unchanged, ' + engagement.newlyScored + ' newly scored.')
            : el('p', {className: 'muted'}, 'No customer was scored this month.'),
        table({caption: 'Customers by engagement stage', headers: ['Stage', 'This month', 'Last month'],
            rows: engagement.stages || [], empty: 'No stages this month.',
            cells: stage => [stage.stage, String(stage.customers), stage.lastMonth == null ? '—' : String(stage.lastMonth)]}),
        movements.comparable > 0
            ? el('div', {className: 'columns'}, movementList('What we do well', movements.improvements),
                movementList('What we do badly', movements.declines))
            : el('p', {className: 'muted'}, 'No published last month to compare with.'));
}

function churnReasons(retention) {
    const data = retention || {reasons: []};
    return el('section', {attrs: {'aria-labelledby': 'churn-title'}},
        el('h2', {id: 'churn-title'}, 'Why customers left'),
        el('p', {}, data.churned + ' customers left this month'
            + (data.valueLost !== null && data.valueLost !== undefined ? ', worth ' + figure(data.valueLost, '£') + ' a year' : '')
            + (data.controllableShare !== null && data.controllableShare !== undefined
                ? '; ' + figure(data.controllableShare, '%') + ' for reasons we control.' : '.')),
        table({caption: 'Churn reasons against the baseline', headers: ['Reason', 'Customers', 'Share', 'Baseline', 'Value lost', 'RAG'],
            rows: data.reasons || [], empty: 'Nobody left this month.',
            cells: line => [line.reason.replace(/_/g, ' ').toLowerCase(), String(line.customers), figure(line.share, '%'),
                figure(line.baseline, '%'), figure(line.valueLost, '£'), rag(line.rag)]}));
}

function requestThemes(themes) {
    return el('section', {attrs: {'aria-labelledby': 'themes-title'}},
        el('h2', {id: 'themes-title'}, 'What customers asked for'),
        table({caption: 'Request themes this month, most mentioned first', headers: ['Theme', 'Pillar', 'Mentions'],
            rows: themes, empty: 'No request themes this month.',
            cells: theme => [theme.label, theme.pillar, String(theme.mentions)]}));
}

// ---------------------------------------------------------------- action points

function actionPointSection(snapshot, actions) {
    const pillars = ['STAFF', 'PROCESS', 'TECHNOLOGY'];
    actions.forEach(action => {
        if (action.pillar && !pillars.includes(action.pillar)) {
            pillars.push(action.pillar);
        }
    });
    const lastMonth = (snapshot.actions || {}).lastMonthActions || [];
    return el('section', {id: 'action-points', attrs: {'aria-labelledby': 'actions-title'}},
        el('h2', {id: 'actions-title'}, 'Action points'),
        mayMoveActions ? null : el('p', {className: 'muted'}, 'The strategy team moves action points on; you see their status and history.'),
        pillars.map(pillar => {
            const ofPillar = actions.filter(action => action.pillar === pillar);
            return el('div', {className: 'pillar', attrs: {'data-pillar': pillar}},
                el('h3', {}, pillar.charAt(0) + pillar.slice(1).toLowerCase()),
                ofPillar.length === 0 ? el('p', {className: 'muted'}, 'No action point this month.')
                    : el('ul', {className: 'actions'}, ofPillar.map(action => actionItem(action))));
        }),
        el('h3', {}, 'Last month’s, followed up'),
        (snapshot.actions || {}).lastMonthRun
            ? table({caption: 'Action points of ' + monthName((snapshot.actions || {}).lastMonth), headers: ['Action', 'Pillar', 'Status', 'This month'],
                rows: lastMonth, empty: 'Last month raised no action point.',
                cells: line => [line.title, line.pillar, line.status,
                    line.followUp === 'STILL_FIRING' ? 'Still firing' : line.followUp === 'NO_LONGER_FIRING' ? 'No longer firing' : '—']})
            : el('p', {className: 'muted'}, 'Last month has no published pack to follow up.'));
}

function actionItem(action) {
    const item = el('li', {className: 'action', attrs: {'data-code': action.code, 'data-id': action.id}});
    render(item, action);
    return item;
}

function render(item, action) {
    const history = el('div', {className: 'history'});
    const details = el('details', {className: 'history-toggle'}, el('summary', {}, 'History'), history);
    details.addEventListener('toggle', () => {
        if (details.open) {
            loadHistory(action, history);
        }
    });
    fill(item,
        el('p', {}, el('strong', {}, action.title), ' ', el('span', {className: 'badge severity-' + String(action.severity).toLowerCase()}, action.severity),
            action.recurring ? el('span', {className: 'badge'}, 'recurring') : null),
        el('p', {className: 'evidence'}, action.evidence),
        el('p', {}, 'Status: ', el('span', {className: 'status'}, action.status.replace(/_/g, ' ')),
            action.statusChangedBy ? el('span', {className: 'muted'}, ' — ' + action.statusChangedBy + ', ' + when(action.statusChangedAt)) : null,
            action.owner ? el('span', {className: 'muted'}, ' · owner ' + action.owner) : null),
        mayMoveActions ? moveForm(item, action) : null,
        details);
}


function moveForm(item, action) {
    const selectId = 'status-' + action.id;
    const noteId = 'note-' + action.id;
    const problem = el('p', {className: 'problem', attrs: {role: 'alert'}});
    const select = el('select', {id: selectId, name: 'status'}, STATUSES.filter(status => status !== action.status)
        .map(status => el('option', {value: status}, status.replace(/_/g, ' ').toLowerCase())));
    const note = el('textarea', {id: noteId, name: 'note', rows: 2, maxLength: 2000});
    const form = el('form', {className: 'move'},
        el('label', {htmlFor: selectId}, 'Move to'), select,
        el('label', {htmlFor: noteId}, 'Note'), note,
        el('button', {type: 'submit'}, 'Move'), problem);
    form.addEventListener('submit', async event => {
        event.preventDefault();
        problem.textContent = '';
        const answer = await actionPoints.move(action.runId, action.id, select.value, note.value);
        if (!answer.ok) {
            problem.textContent = reason(answer);
            return;
        }
        render(item, answer.data);
        say(notice, action.title + ': ' + answer.data.status.replace(/_/g, ' ').toLowerCase() + '.', 'ok');
        item.querySelector('summary').focus();
    });
    return form;
}

async function loadHistory(action, holder) {
    fill(holder, el('span', {className: 'muted'}, 'Loading…'));
    const answer = await actionPoints.history(action.runId, action.id);
    if (!answer.ok) {
        fill(holder, el('span', {className: 'problem'}, reason(answer)));
        return;
    }
    fill(holder, answer.data.length === 0 ? el('p', {className: 'muted'}, 'Not moved yet.')
        : el('ol', {}, answer.data.map(change => el('li', {className: 'change'},
            when(change.changedAt) + ' — ' + change.changedBy + ': ' + change.from.replace(/_/g, ' ') + ' → ' + change.to.replace(/_/g, ' '),
            change.note ? el('span', {className: 'note'}, change.note) : null))));
}
