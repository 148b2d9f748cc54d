// The administrator's screen: who receives the board pack (add, remove, the audited history of the list),
// who received each run's pack, the monthly schedule (next look, last decision, holidays, when the coming
// months fall due), each month's readiness source by source (marking a source closed or not needed for the
// month) and the runs waiting for data, with what they lack and a way to start one anyway.
import {el, fill, monthName, say, table, when} from './dom.js';
import {distribution, readiness, reason, runs, schedule} from './api.js';
import {start} from './shell.js';

const me = await start('admin.html');
const screen = document.querySelector('#screen');
const notice = document.querySelector('#notice');

if (me) {
    fill(screen,
        el('section', {id: 'recipients', attrs: {'aria-labelledby': 'recipients-title'}}),
        el('section', {id: 'deliveries', attrs: {'aria-labelledby': 'deliveries-title'}}),
        el('section', {id: 'schedule', attrs: {'aria-labelledby': 'schedule-title'}}),
        el('section', {id: 'readiness', attrs: {'aria-labelledby': 'readiness-title'}}),
        el('section', {id: 'waiting-runs', attrs: {'aria-labelledby': 'waiting-runs-title'}}),
        el('section', {id: 'list-history', attrs: {'aria-labelledby': 'list-history-title'}}));
    await Promise.all([drawRecipients(), drawDeliveries(), drawSchedule(), drawReadiness(lastMonth()), drawWaitingRuns(), drawHistory()]);
}

async function drawRecipients() {
    const answer = await distribution.recipients();
    const address = el('input', {id: 'new-recipient', type: 'email', required: true, maxLength: 254, autocomplete: 'off'});
    const problem = el('p', {className: 'problem', attrs: {role: 'alert'}});
    const form = el('form', {className: 'row'},
        el('label', {htmlFor: 'new-recipient'}, 'E-mail address'), address,
        el('button', {type: 'submit', id: 'add-recipient'}, 'Add to the list'), problem);
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const added = await distribution.add(address.value.trim());
        if (!added.ok) {
            problem.textContent = reason(added);
            address.focus();
            return;
        }
        say(notice, address.value.trim() + ' receives the next board pack.', 'ok');
        await Promise.all([drawRecipients(), drawHistory()]);
    });
    fill(document.querySelector('#recipients'),
        el('h2', {id: 'recipients-title'}, 'Who receives the board pack'),
        table({headers: ['Address', ''], rows: answer.ok ? answer.data : [], empty: 'Nobody: packs are published but not sent.',
            cells: recipient => [recipient, el('button', {type: 'button', className: 'secondary remove-recipient',
                attrs: {'aria-label': 'Remove ' + recipient}, on: {click: () => removeRecipient(recipient)}}, 'Remove')]}),
        form);
}

async function removeRecipient(address) {
    const answer = await distribution.remove(address);
    say(notice, answer.ok ? address + ' no longer receives the pack.' : reason(answer), answer.ok ? 'ok' : 'problem');
    await Promise.all([drawRecipients(), drawHistory()]);
}

async function drawHistory() {
    const answer = await distribution.history();
    fill(document.querySelector('#list-history'),
        el('h2', {id: 'list-history-title'}, 'Changes to the list'),
        table({headers: ['When', 'By', 'Change', 'Address'], rows: answer.ok ? answer.data : [], empty: 'No change yet.',
            cells: change => [when(change.at), change.by, change.action, change.address]}));
}

async function drawDeliveries() {
    const answer = await runs.list();
    const published = (answer.ok ? answer.data : []).filter(run => run.packUrl);
    const holder = document.querySelector('#deliveries');
    const rows = [];
    for (const run of published.slice(0, 24)) {
        const deliveries = await distribution.deliveries(run.id);
        (deliveries.ok ? deliveries.data : []).forEach(delivery => rows.push({run, delivery}));
        if (deliveries.ok && deliveries.data.length === 0) {
            rows.push({run, delivery: null});
        }
    }
    fill(holder, el('h2', {id: 'deliveries-title'}, 'Who received which pack'),
        table({headers: ['Month', 'Run', 'Channel', 'Recipient', 'Status', 'Attempts', 'Delivered', 'Last error'],
            rows, empty: 'No pack has been published yet.',
            cells: ({run, delivery}) => delivery
                ? [monthName(run.month), String(run.id), delivery.channel, delivery.target, delivery.status, String(delivery.attempts),
                    when(delivery.deliveredAt), delivery.lastError || '—']
                : [monthName(run.month), String(run.id), '—', 'not sent', '—', '—', '—', '—']}));
}

async function drawSchedule() {
    const answer = await schedule.status();
    const holder = document.querySelector('#schedule');
    if (!answer.ok) {
        fill(holder, el('h2', {id: 'schedule-title'}, 'Schedule'), el('p', {className: 'problem'}, reason(answer)));
        return;
    }
    const status = answer.data;
    const month = el('input', {id: 'run-month', type: 'month', required: true});
    const form = el('form', {className: 'row'},
        el('label', {htmlFor: 'run-month'}, 'Run a month now'), month,
        el('button', {type: 'submit', className: 'secondary', id: 'start-run'}, 'Start the run'));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const started = await runs.start(month.value);
        say(notice, started.ok ? 'Run ' + started.data.id + ' of ' + monthName(month.value) + ' started.' : reason(started),
            started.ok ? 'ok' : 'problem');
    });
    const holidays = status.holidays || [];
    fill(holder, el('h2', {id: 'schedule-title'}, 'Schedule'),
        status.enabled
            ? el('div', {},
                el('dl', {},
                    el('dt', {}, 'Runs at'), el('dd', {}, status.time + ' (' + status.zone + ') on the first working day of the month'),
                    el('dt', {}, 'Next month to run'), el('dd', {}, status.nextMonth ? monthName(status.nextMonth) : '—'),
                    el('dt', {}, 'Due'), el('dd', {}, when(status.nextDueAt)),
                    el('dt', {}, 'Next look'), el('dd', {id: 'next-look'}, when(status.nextLookAt)),
                    el('dt', {}, 'Last look'), el('dd', {}, when(status.lastLookAt) + (status.lastDecision ? ': ' + status.lastDecision : ''))),
                el('h3', {}, 'Holidays'),
                holidays.length
                    ? el('ul', {id: 'holidays'}, holidays.map(day => el('li', {}, dayName(day))))
                    : el('p', {id: 'holidays', className: 'muted'}, 'None: only weekends are skipped.'),
                el('p', {className: 'muted'}, 'Holidays are set in the configuration (rapport.schedule.holidays, ISO dates separated by commas) and read at start-up.'),
                table({caption: 'When the coming months fall due', headers: ['Month', 'Due'], rows: status.upcoming || [],
                    cells: due => [monthName(due.month), when(due.dueAt)]}))
            : el('p', {}, 'The monthly schedule is off on this installation (rapport.schedule.enabled): months run when their files arrive or when started here.'),
        form);
}

/** "2026-12-25" as "Friday 25 December 2026". */
function dayName(day) {
    const date = new Date(day + 'T00:00:00Z');
    return Number.isNaN(date.getTime()) ? day
        : date.toLocaleDateString('en-GB', {weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});
}

/** The month before this one, as 2026-11: the month whose pack is usually being completed. */
function lastMonth() {
    const now = new Date();
    const date = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1));
    return date.toISOString().substring(0, 7);
}

// ---------------------------------------------------------------- readiness and waiting runs

async function drawReadiness(month) {
    const holder = document.querySelector('#readiness');
    const picker = el('input', {id: 'readiness-month', type: 'month', required: true, value: month});
    const form = el('form', {className: 'row'},
        el('label', {htmlFor: 'readiness-month'}, 'Month'), picker,
        el('button', {type: 'submit', className: 'secondary', id: 'show-readiness'}, 'Show its readiness'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        drawReadiness(picker.value);
    });
    const answer = await readiness.month(month);
    if (!answer.ok) {
        fill(holder, el('h2', {id: 'readiness-title'}, 'Month readiness'), form, el('p', {className: 'problem'}, reason(answer)));
        return;
    }
    const state = answer.data;
    fill(holder, el('h2', {id: 'readiness-title'}, 'Month readiness'), form,
        el('p', {id: 'readiness-summary', className: state.ready ? '' : 'problem'},
            monthName(state.month) + (state.ready ? ' has all its data: a run publishes it.'
                : ' waits for ' + state.missing.length + (state.missing.length === 1 ? ' source' : ' sources') + '.')
            + ' Deadline ' + when(state.deadline) + '; after it the month is ' + (state.afterDeadline === 'HOLD' ? 'held' : 'published marked incomplete') + '.'),
        state.beingStored.length ? el('p', {className: 'muted'}, 'Being stored now: ' + state.beingStored.join(', ')) : null,
        table({caption: 'Each source for ' + monthName(state.month), headers: ['Source', 'Kind', 'Rule', 'Mark', 'Complete', 'Lacks', ''],
            rows: state.sources, empty: 'No source has delivered anything yet.',
            cells: source => [source.source, (source.kind || '').toLowerCase(), source.rule, source.mark || '—',
                source.complete ? 'yes' : el('span', {className: 'problem'}, 'no'), source.lacks || '—',
                el('span', {className: 'row'},
                    source.mark === 'CLOSED' ? null : markButton(state.month, source.source, 'CLOSED', 'Closed: all delivered'),
                    source.mark === 'NOT_NEEDED' ? null : markButton(state.month, source.source, 'NOT_NEEDED', 'Not needed this month'),
                    source.mark ? el('button', {type: 'button', className: 'secondary unmark', attrs: {'data-source': source.source,
                        'aria-label': 'Withdraw the mark of ' + source.source},
                        on: {click: () => unmark(state.month, source.source)}}, 'Withdraw the mark') : null)]}));
    holder.querySelectorAll('tbody tr').forEach((row, index) => {
        if (state.sources[index]) {
            row.dataset.source = state.sources[index].source;
        }
    });
}

function markButton(month, source, mark, label) {
    return el('button', {type: 'button', className: 'secondary mark', attrs: {'data-source': source, 'data-mark': mark,
        'aria-label': label + ' (' + source + ')'}, on: {click: () => markSource(month, source, mark)}}, label);
}

async function markSource(month, source, mark) {
    const answer = await readiness.mark(month, source, mark);
    say(notice, answer.ok ? source + ' is marked ' + (mark === 'CLOSED' ? 'closed' : 'not needed') + ' for ' + monthName(month) + '.'
        : reason(answer), answer.ok ? 'ok' : 'problem');
    await Promise.all([drawReadiness(month), drawWaitingRuns()]);
}

async function unmark(month, source) {
    const answer = await readiness.unmark(month, source);
    say(notice, answer.ok ? 'The mark of ' + source + ' for ' + monthName(month) + ' is withdrawn.' : reason(answer),
        answer.ok ? 'ok' : 'problem');
    await Promise.all([drawReadiness(month), drawWaitingRuns()]);
}

async function drawWaitingRuns() {
    const answer = await runs.list();
    const waiting = (answer.ok ? answer.data : []).filter(run => run.status === 'WAITING_FOR_DATA');
    const holder = document.querySelector('#waiting-runs');
    fill(holder, el('h2', {id: 'waiting-runs-title'}, 'Runs waiting for data'),
        answer.ok ? null : el('p', {className: 'problem'}, reason(answer)),
        table({headers: ['Run', 'Month', 'Started by', 'Since', 'Waiting for', ''], rows: waiting,
            empty: 'No run is waiting.',
            cells: run => [String(run.id), monthName(run.month), (run.origin || '').toLowerCase().replace('_', ' '), when(run.startedAt),
                run.waitingFor && run.waitingFor.length ? el('ul', {className: 'lacks'}, run.waitingFor.map(lack => el('li', {}, lack))) : '—',
                el('span', {className: 'row'},
                    el('button', {type: 'button', className: 'secondary show-month', attrs: {'data-month': run.month},
                        on: {click: () => drawReadiness(run.month)}}, 'Readiness'),
                    el('button', {type: 'button', className: 'force', attrs: {'data-run': run.id},
                        on: {click: () => force(run)}}, 'Start anyway'))]}));
    holder.querySelectorAll('tbody tr').forEach((row, index) => {
        if (waiting[index]) {
            row.dataset.run = waiting[index].id;
        }
    });
}

async function force(run) {
    if (!window.confirm('Start run ' + run.id + ' of ' + monthName(run.month) + ' without the data it waits for? '
        + 'Its pack will say it was forced, by you, and what was missing.')) {
        return;
    }
    const answer = await runs.force(run.id);
    say(notice, answer.ok ? 'Run ' + run.id + ' of ' + monthName(run.month) + ' was started without the data it waited for.'
        : 'Run ' + run.id + ' was not started: ' + reason(answer), answer.ok ? 'ok' : 'problem');
    await Promise.all([drawWaitingRuns(), drawReadiness(run.month)]);
}
