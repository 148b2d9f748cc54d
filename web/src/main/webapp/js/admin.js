// The administrator's screen: who receives the board pack (add, remove, the audited history of the list),
// who received each run's pack, and the monthly schedule (next look, last decision).
import {el, fill, monthName, say, table, when} from './dom.js';
import {distribution, reason, runs, schedule} from './api.js';
import {start} from './shell.js';

const me = await start('admin.html');
const screen = document.querySelector('#screen');
const notice = document.querySelector('#notice');

if (me) {
    fill(screen,
        el('section', {id: 'recipients', attrs: {'aria-labelledby': 'recipients-title'}}),
        el('section', {id: 'deliveries', attrs: {'aria-labelledby': 'deliveries-title'}}),
        el('section', {id: 'schedule', attrs: {'aria-labelledby': 'schedule-title'}}),
        el('section', {id: 'list-history', attrs: {'aria-labelledby': 'list-history-title'}}));
    await Promise.all([drawRecipients(), drawDeliveries(), drawSchedule(), drawHistory()]);
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
    fill(holder, el('h2', {id: 'schedule-title'}, 'Schedule'),
        status.enabled
            ? el('dl', {},
                el('dt', {}, 'Runs at'), el('dd', {}, status.time + ' (' + status.zone + ')'),
                el('dt', {}, 'Next month to run'), el('dd', {}, status.nextMonth ? monthName(status.nextMonth) : '—'),
                el('dt', {}, 'Due'), el('dd', {}, when(status.nextDueAt)),
                el('dt', {}, 'Next look'), el('dd', {}, when(status.nextLookAt)),
                el('dt', {}, 'Last look'), el('dd', {}, when(status.lastLookAt) + (status.lastDecision ? ': ' + status.lastDecision : '')))
            : el('p', {}, 'The monthly schedule is off on this installation (rapport.schedule.enabled): months run when their files arrive or when started here.'),
        form);
}
