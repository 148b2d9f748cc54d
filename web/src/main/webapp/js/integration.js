// The integration team's screen: every source with its health (problems first), source definitions edited
// as JSON or in a form with each problem shown at its field and tried on a sample file before saving, the
// ledger of delivered files, the quarantine by source and batch with the raw line, replaying a batch with
// its counts before and after, and discarding a batch left half written whose file will not come again.
import {el, fill, say, table, when} from './dom.js';
import {intake, reason, sources} from './api.js';
import {keepOnSignOut, start} from './shell.js';
import {definitionForm, parseDefinition} from './definition-form.js';

const UNSAVED_KEY = 'rapport.integration.definition';

/** The ledger as last read, newest first. */
let batches = [];
/** The batches this page asked to replay and has not seen replaced: their button says so and is not offered again. */
const replaying = new Set();
/** The server's guide to what a definition can say, read once. */
let guide = null;
/** The form view of the definition being edited, when the guide could be read. */
let form = null;
/** The problems last reported, shown again when the view changes. */
let lastProblems = [];

const MOST_SAMPLE_BYTES = 5 * 1024 * 1024;

const me = await start('integration.html');
const screen = document.querySelector('#screen');
const notice = document.querySelector('#notice');

if (me) {
    fill(screen,
        el('p', {}, el('button', {type: 'button', id: 'refresh', className: 'secondary',
            on: {click: () => Promise.all([drawHealth(), drawLedger(), drawQuarantine()])}}, 'Refresh health, ledger and quarantine')),
        el('section', {id: 'health', attrs: {'aria-labelledby': 'health-title'}}),
        el('section', {id: 'definitions', attrs: {'aria-labelledby': 'definitions-title'}}),
        el('section', {id: 'ledger', attrs: {'aria-labelledby': 'ledger-title'}}),
        el('section', {id: 'quarantine', attrs: {'aria-labelledby': 'quarantine-title'}}));
    keepOnSignOut(keepDefinition);
    await Promise.all([drawHealth(), drawDefinitions(), drawLedger(), drawQuarantine()]);
}

// ---------------------------------------------------------------- health

/** How badly a source needs someone: stopped, failing to fetch, rows refused, rows unmatched, then fine. */
function trouble(source) {
    let score = 0;
    if (!source.running) {
        score += 1000;
    }
    if (source.fetch && !source.fetch.healthy) {
        score += 500;
    }
    if (source.lastBatch && !['ACCEPTED', 'DUPLICATE', 'BEING_STORED'].includes(source.lastBatch.status)) {
        score += 200;
    }
    return score + Math.min(source.rowsQuarantined, 99) + Math.min(source.rowsUnmatched, 99) / 100;
}

function problemsOf(source) {
    const problems = [];
    if (!source.running) {
        problems.push('not running');
    }
    if (source.fetch && !source.fetch.healthy) {
        problems.push('fetch failing (' + source.fetch.consecutiveFailures + ' in a row)' + (source.fetch.lastError ? ': ' + source.fetch.lastError : ''));
    }
    if (source.rowsQuarantined > 0) {
        problems.push(source.rowsQuarantined + (source.rowsQuarantined === 1 ? ' row' : ' rows') + ' quarantined');
    }
    if (source.rowsUnmatched > 0) {
        problems.push(source.rowsUnmatched + (source.rowsUnmatched === 1 ? ' row' : ' rows') + ' without a known customer');
    }
    return problems;
}

async function drawHealth() {
    const answer = await intake.health();
    const holder = document.querySelector('#health');
    if (!answer.ok) {
        fill(holder, el('h2', {id: 'health-title'}, 'Sources'), el('p', {className: 'problem'}, reason(answer)));
        return;
    }
    const list = [...answer.data].sort((a, b) => trouble(b) - trouble(a));
    fill(holder, el('h2', {id: 'health-title'}, 'Sources and their health'),
        el('p', {className: 'muted'}, 'Sources with problems come first.'),
        table({
            headers: ['Source', 'Kind', 'Running', 'Batches', 'Accepted', 'Quarantined', 'Unmatched', 'Lag', 'Last batch', 'Problems'],
            rows: list, empty: 'No source is defined.',
            cells: source => {
                const problems = problemsOf(source);
                return [source.source, source.kind.toLowerCase(), source.running ? 'yes' : 'NO', String(source.batches),
                    String(source.rowsAccepted), String(source.rowsQuarantined), String(source.rowsUnmatched),
                    source.lagSeconds === null || source.lagSeconds === undefined ? '—' : lag(source.lagSeconds),
                    source.lastBatch ? source.lastBatch.fileName + ' — ' + source.lastBatch.status + ', ' + when(source.lastBatch.receivedAt) : '—',
                    problems.length ? el('span', {className: 'problem'}, problems.join('; ')) : 'none'];
            }
        }));
    holder.querySelectorAll('tbody tr').forEach((row, index) => {
        if (list[index]) {
            row.dataset.source = list[index].source;
        }
    });
}

function lag(seconds) {
    if (seconds < 3600) {
        return Math.round(seconds / 60) + ' min';
    }
    if (seconds < 172800) {
        return Math.round(seconds / 3600) + ' h';
    }
    return Math.round(seconds / 86400) + ' days';
}

// ---------------------------------------------------------------- definitions

async function drawDefinitions() {
    const [answer, guideAnswer] = await Promise.all([sources.list(), guide ? {ok: true, data: guide} : sources.guide()]);
    guide = guideAnswer.ok ? guideAnswer.data : null;
    const holder = document.querySelector('#definitions');
    const view = answer.ok ? answer.data : {sources: [], problems: []};
    const name = el('input', {id: 'definition-name', pattern: '[a-z0-9][a-z0-9-]*', maxLength: 64,
        attrs: {'aria-describedby': 'definition-name-help'}});
    const text = el('textarea', {id: 'definition-text', rows: 14, className: 'code', spellcheck: false});
    const problems = el('ul', {id: 'definition-problems', className: 'problems', attrs: {'aria-live': 'polite'}});
    const kept = JSON.parse(sessionStorage.getItem(UNSAVED_KEY) || 'null');
    if (kept) {
        name.value = kept.name;
        text.value = kept.text;
        say(notice, 'Your unsaved definition of ' + (kept.name || 'a new source') + ' was kept and is open again.', 'info');
    }
    text.addEventListener('input', keepDefinition);
    name.addEventListener('input', keepDefinition);
    form = guide ? definitionForm(guide, definition => {
        text.value = JSON.stringify(definition, null, 2);
        if (definition.name && !name.value) {
            name.value = definition.name;
        }
        keepDefinition();
    }) : null;
    const jsonPanel = el('div', {id: 'definition-json', className: 'field'},
        el('label', {htmlFor: 'definition-text'}, 'Definition (JSON)'), text);
    const formPanel = el('div', {id: 'definition-form-view', hidden: true},
        el('p', {className: 'muted'}, 'Editing here rewrites the JSON without its comments.'), form ? form.node : null);
    const viewButtons = el('div', {className: 'row', attrs: {role: 'group', 'aria-label': 'Edit the definition as'}},
        el('button', {type: 'button', id: 'view-json', className: 'secondary', attrs: {'aria-pressed': 'true'},
            on: {click: () => showView('json')}}, 'JSON'),
        form ? el('button', {type: 'button', id: 'view-form', className: 'secondary', attrs: {'aria-pressed': 'false'},
            on: {click: () => showView('form')}}, 'Form') : el('span', {className: 'muted'}, 'The form is not available: ' + reason(guideAnswer)));
    const sample = el('input', {id: 'sample-file', type: 'file',
        accept: '.csv,.txt,.tsv,.json,.log,text/*,application/json', attrs: {'aria-describedby': 'sample-help'}});
    // the server checks a definition and shows each problem at its field: no browser validation in the way
    const editor = el('form', {id: 'definition-form', noValidate: true},
        el('div', {className: 'field'}, el('label', {htmlFor: 'definition-name'}, 'Source name'), name,
            el('span', {id: 'definition-name-help', className: 'muted'}, 'Lower case letters, digits and dashes; the file is sources/<name>.json.')),
        viewButtons, jsonPanel, formPanel,
        el('div', {className: 'row'},
            el('label', {htmlFor: 'sample-file'}, 'Sample file'), sample,
            el('button', {type: 'button', className: 'secondary', id: 'try-definition',
                on: {click: () => tryDefinition(name.value.trim(), text.value, sample.files[0], problems)}}, 'Try on the sample'),
            el('span', {id: 'sample-help', className: 'muted'}, 'A file as the source delivers it, at most 5 MB: nothing is stored.')),
        el('div', {className: 'row'}, el('button', {type: 'submit', id: 'save-definition'}, 'Save'),
            el('button', {type: 'button', className: 'secondary', id: 'delete-definition', on: {click: () => remove(name.value)}}, 'Remove this source')),
        problems,
        el('section', {id: 'trial', attrs: {'aria-live': 'polite'}}));
    editor.addEventListener('submit', async event => {
        event.preventDefault();
        await save(name.value.trim(), text.value, problems);
    });
    fill(holder, el('h2', {id: 'definitions-title'}, 'Source definitions'),
        table({headers: ['Source', 'Kind', 'Format', 'Transport', 'Schedule', 'Time zone', 'Running', ''],
            rows: view.sources, empty: 'No source is defined yet.',
            cells: source => [source.name, source.kind, source.format, source.transport, source.schedule || '—', source.timeZone,
                source.running ? 'yes' : 'no',
                el('button', {type: 'button', className: 'secondary edit-definition', attrs: {'data-source': source.name},
                    on: {click: () => edit(source.name)}}, 'Edit')]}),
        view.problems.length ? el('div', {}, el('h3', {}, 'Definitions not taken'),
            el('ul', {className: 'problems'}, view.problems.map(problem => el('li', {className: 'problem'},
                problem.file + ': ' + (problem.field ? problem.field + ': ' : '') + problem.message)))) : null,
        el('h3', {}, 'Create, try or edit'), editor);
}

/** Shows the definition as JSON or as the form; the form is filled from the JSON, which stays the one truth. */
function showView(which) {
    const text = document.querySelector('#definition-text');
    if (which === 'form') {
        let definition;
        try {
            definition = text.value.trim() ? parseDefinition(text.value) : {};
        } catch (error) {
            listProblems([{field: null, message: 'The JSON cannot be read (' + error.message + '): fix it in the JSON view first.'}]);
            return;
        }
        form.load(definition);
    }
    document.querySelector('#definition-json').hidden = which !== 'json';
    document.querySelector('#definition-form-view').hidden = which !== 'form';
    document.querySelectorAll('#view-json, #view-form').forEach(button =>
        button.setAttribute('aria-pressed', String(button.id === 'view-' + which)));
    listProblems(lastProblems);
}

function formShown() {
    const panel = document.querySelector('#definition-form-view');
    return form && panel && !panel.hidden;
}

function keepDefinition() {
    const name = document.querySelector('#definition-name');
    const text = document.querySelector('#definition-text');
    if (name && text && text.value.trim()) {
        sessionStorage.setItem(UNSAVED_KEY, JSON.stringify({name: name.value, text: text.value}));
    }
}

async function edit(sourceName) {
    const answer = await sources.definition(sourceName);
    if (!answer.ok) {
        say(notice, reason(answer), 'problem');
        return;
    }
    document.querySelector('#definition-name').value = sourceName;
    const text = document.querySelector('#definition-text');
    text.value = answer.data;
    if (formShown()) {
        showView('form');
    } else {
        text.focus();
    }
}

function nameIsValid(sourceName) {
    if (/^[a-z0-9][a-z0-9-]*$/.test(sourceName)) {
        return true;
    }
    listProblems([{field: null, message: 'Name the source with lower case letters, digits and dashes.'}]);
    document.querySelector('#definition-name').focus();
    return false;
}

async function save(sourceName, definition) {
    listProblems([]);
    if (!nameIsValid(sourceName)) {
        return;
    }
    const answer = await sources.save(sourceName, definition);
    if (answer.ok) {
        sessionStorage.removeItem(UNSAVED_KEY);
        lastProblems = [];
        const notRunning = (answer.data.problems || []);
        say(notice, sourceName + ' is saved' + (answer.data.source.running ? ' and running.' : '.')
            + (notRunning.length ? ' It does not run yet: ' + notRunning.map(problem => problem.message).join('; ') : ''), notRunning.length ? 'problem' : 'ok');
        await Promise.all([drawHealth(), drawDefinitions()]);
        return;
    }
    const list = answer.data && answer.data.problems ? answer.data.problems : [{field: null, message: reason(answer)}];
    listProblems(list);
    if (list[0] && list[0].field) {
        showField(list[0].field);
    }
}

/** Lists problems, each with a link to its field; in the form view also beside the field's control. */
function listProblems(list) {
    lastProblems = list.filter(problem => problem.field);
    const problems = document.querySelector('#definition-problems');
    problems.replaceChildren();
    if (form) {
        form.showProblems(formShown() ? list : []);
    }
    list.forEach(problem => problems.appendChild(el('li', {},
        problem.field ? el('button', {type: 'button', className: 'link field-problem', attrs: {'data-field': problem.field},
            on: {click: () => showField(problem.field)}}, problem.field) : el('span', {}, 'The definition'),
        ': ', el('span', {className: 'problem'}, problem.message))));
}

/** Puts the cursor at a field: its control in the form view, else its name in the JSON text ("transport.directory"). */
function showField(path) {
    const control = formShown() ? form.control(path) : null;
    if (control) {
        control.focus();
        return;
    }
    const text = document.querySelector('#definition-text');
    const leaf = path.split('.').pop().replace(/\[\d+\]$/, '');
    let from = 0;
    for (const part of path.split('.')) {
        const at = text.value.indexOf('"' + part.replace(/\[\d+\]$/, '') + '"', from);
        if (at >= 0) {
            from = at;
        }
    }
    const at = text.value.indexOf('"' + leaf + '"', from);
    text.focus();
    if (at >= 0) {
        text.setSelectionRange(at, at + leaf.length + 2);
    }
}

// ---------------------------------------------------------------- trying a definition on a sample

async function tryDefinition(sourceName, definition, file) {
    const holder = document.querySelector('#trial');
    listProblems([]);
    holder.replaceChildren();
    if (!nameIsValid(sourceName)) {
        return;
    }
    if (!file) {
        fill(holder, el('p', {className: 'problem'}, 'Choose a sample file first.'));
        document.querySelector('#sample-file').focus();
        return;
    }
    if (file.size > MOST_SAMPLE_BYTES) {
        fill(holder, el('p', {className: 'problem'}, file.name + ' is larger than 5 MB: try the definition on the first part of the file.'));
        return;
    }
    fill(holder, el('p', {className: 'muted'}, 'Reading ' + file.name + '…'));
    const answer = await sources.tryOn(sourceName, definition, file);
    if (!answer.ok) {
        fill(holder, el('p', {id: 'trial-refused', className: 'problem'}, file.name + ' was not tried: ' + reason(answer)));
        return;
    }
    const outcome = answer.data.outcome;
    listProblems(outcome.problems);
    if (!outcome.tried) {
        fill(holder, el('h4', {}, 'Trial on ' + answer.data.sample),
            el('p', {id: 'trial-summary', className: 'problem'}, 'The definition was not tried: fix the problems listed above first.'));
        if (outcome.problems[0] && outcome.problems[0].field) {
            showField(outcome.problems[0].field);
        }
        return;
    }
    const columns = outcome.rows.length ? Object.keys(outcome.rows[0].fields) : [];
    fill(holder, el('h4', {}, 'Trial on ' + answer.data.sample + ' (' + size(answer.data.bytes) + ')'),
        el('p', {id: 'trial-summary', className: outcome.rejection ? 'problem' : ''},
            outcome.rejection
                ? 'The whole file would be refused: ' + outcome.rejection + '.'
                : count(outcome.rowsAccepted, 'row') + ' would be stored and ' + count(outcome.rowsQuarantined, 'row')
                    + ' quarantined.', ' Nothing was stored.'),
        outcome.rows.length ? el('div', {id: 'trial-rows'},
            table({caption: 'The first ' + outcome.rows.length + ' rows, as Rapport would store them',
                headers: ['Line', ...columns], rows: outcome.rows,
                cells: row => [String(row.line), ...columns.map(column => row.fields[column] == null ? '—' : row.fields[column])]})) : null,
        outcome.quarantined.length && !outcome.rejection ? el('div', {id: 'trial-quarantine'},
            table({caption: 'Rows that would be quarantined' + (outcome.quarantined.length < outcome.rowsQuarantined
                    ? ' (the first ' + outcome.quarantined.length + ' of ' + outcome.rowsQuarantined + ')' : ''),
                headers: ['Line', 'Field', 'Reason', 'Raw line'], rows: outcome.quarantined,
                cells: row => [String(row.line), row.field || '(record)', row.reason, el('pre', {className: 'raw'}, row.rawText || '')]})) : null);
    if (outcome.problems[0] && outcome.problems[0].field) {
        showField(outcome.problems[0].field);
    }
}

function count(number, noun) {
    return number + ' ' + noun + (number === 1 ? '' : 's');
}

function size(bytes) {
    return bytes < 1024 ? bytes + ' bytes' : bytes < 1024 * 1024 ? Math.round(bytes / 1024) + ' KB'
        : (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

async function remove(sourceName) {
    if (!sourceName || !window.confirm('Remove the source ' + sourceName + '? Its delivered files stay in the ledger.')) {
        return;
    }
    const answer = await sources.remove(sourceName);
    say(notice, answer.ok ? sourceName + ' is removed.' : reason(answer), answer.ok ? 'ok' : 'problem');
    await Promise.all([drawHealth(), drawDefinitions()]);
}

// ---------------------------------------------------------------- ledger, quarantine, replay, discard


async function drawLedger() {
    const answer = await intake.batches(200);
    batches = answer.ok ? answer.data : [];
    const holder = document.querySelector('#ledger');
    fill(holder, el('h2', {id: 'ledger-title'}, 'Delivered files'),
        table({
            headers: ['Batch', 'Source', 'File', 'Received', 'Status', 'Accepted', 'Quarantined', 'Unmatched', ''],
            rows: batches, empty: 'No file delivered yet.',
            cells: batch => [String(batch.id), (batch.source || batch.kind.toLowerCase()), batch.fileName, when(batch.receivedAt),
                batch.status + (batch.duplicateOf ? ' of ' + batch.duplicateOf : '') + (batch.replacedBy ? ' by ' + batch.replacedBy : '')
                    + (batch.replayOf ? ', replaying ' + batch.replayOf : '')
                    + (batch.rowsWritten !== null && batch.rowsWritten !== undefined
                        ? ': ' + batch.rowsWritten + ' of ' + (batch.rowsAccepted + batch.rowsQuarantined) + ' rows written' : '')
                    + (batch.message ? ': ' + batch.message : ''),
                String(batch.rowsAccepted), String(batch.rowsQuarantined), String(batch.rowsUnmatched),
                el('span', {className: 'row'},
                    batch.rowsQuarantined > 0 ? el('button', {type: 'button', className: 'secondary show-quarantine',
                        attrs: {'data-batch': batch.id}, on: {click: () => drawQuarantine(batch.source, batch.id)}}, 'Quarantine') : null,
                    batch.status === 'ACCEPTED' ? el('button', {type: 'button', className: 'secondary replay',
                        disabled: replaying.has(batch.id), attrs: {'data-batch': batch.id},
                        on: {click: () => replay(batch)}}, replaying.has(batch.id) ? 'Replaying…' : 'Replay') : null,
                    batch.status === 'BEING_STORED' ? el('button', {type: 'button', className: 'secondary discard',
                        attrs: {'data-batch': batch.id}, on: {click: () => discard(batch)}}, 'Discard') : null)]
        }));
    holder.querySelectorAll('tbody tr').forEach((row, index) => {
        if (batches[index]) {
            row.dataset.batch = batches[index].id;
            row.dataset.file = batches[index].fileName;
        }
    });
}

// A replay waits its turn while other files are stored and a large one takes minutes: the server answers 202 when it
// is not done within a short wait, and the ledger, drawn again every few seconds, shows it until the batch is replaced.
const REPLAY_LOOK_EVERY_MS = 2000;
const REPLAY_LOOKS = 300;

async function replay(batch) {
    replaying.add(batch.id);
    document.querySelectorAll("button.replay[data-batch='" + batch.id + "']").forEach(button => {
        button.disabled = true;
        button.textContent = 'Replaying…';
    });
    say(notice, 'Replaying batch ' + batch.id + ' (' + batch.fileName + ')…', 'info');
    const answer = await intake.replay(batch.id);
    if (!answer.ok) {
        replaying.delete(batch.id);
        say(notice, 'Batch ' + batch.id + ' was not replayed: ' + reason(answer), 'problem');
        await drawLedger();
        return;
    }
    const after = answer.status === 202 ? await replacementOf(batch, answer.data.message) : answer.data;
    replaying.delete(batch.id);
    if (after) {
        say(notice, 'Batch ' + batch.id + ' (' + batch.fileName + ') replayed as batch ' + after.batchId + ': before '
            + batch.rowsAccepted + ' accepted, ' + batch.rowsQuarantined + ' quarantined; after ' + after.rowsAccepted
            + ' accepted, ' + after.rowsQuarantined + ' quarantined.', 'ok');
    }
    await Promise.all([drawLedger(), drawHealth(), drawQuarantine()]);
}

// The batch that replaced the one replayed, looked for in the ledger until it is there; null if it is not in time.
async function replacementOf(batch, underWay) {
    say(notice, underWay, 'info');
    for (let look = 0; look < REPLAY_LOOKS; look++) {
        await new Promise(resolve => setTimeout(resolve, REPLAY_LOOK_EVERY_MS));
        await drawLedger();
        const replaced = batches.find(entry => entry.id === batch.id);
        if (replaced && replaced.replacedBy) {
            const by = batches.find(entry => entry.id === replaced.replacedBy);
            return by ? {batchId: by.id, rowsAccepted: by.rowsAccepted, rowsQuarantined: by.rowsQuarantined} : null;
        }
    }
    return null;
}

// A file left half written holds its months' runs until the same file comes again; when it never will, the
// operator gives it up. The server refuses a batch that is being written now or is not half written.
async function discard(batch) {
    if (!window.confirm('Discard batch ' + batch.id + ' (' + batch.fileName + ')? The records it holds are withdrawn,'
            + ' those it updated included. Do this only when the file will not be delivered again.')) {
        return;
    }
    const answer = await intake.discard(batch.id);
    say(notice, answer.ok ? answer.data.message : 'Batch ' + batch.id + ' was not discarded: ' + reason(answer),
        answer.ok ? 'ok' : 'problem');
    await Promise.all([drawLedger(), drawHealth(), drawQuarantine()]);
}

async function drawQuarantine(source, batch) {
    const answer = await intake.quarantine(source, batch);
    const holder = document.querySelector('#quarantine');
    const rows = answer.ok ? answer.data : [];
    const sourceFilter = el('input', {id: 'quarantine-source', value: source || '', maxLength: 64});
    const batchFilter = el('input', {id: 'quarantine-batch', type: 'number', min: 1, value: batch || ''});
    const form = el('form', {className: 'row'},
        el('label', {htmlFor: 'quarantine-source'}, 'Source'), sourceFilter,
        el('label', {htmlFor: 'quarantine-batch'}, 'Batch'), batchFilter,
        el('button', {type: 'submit', className: 'secondary'}, 'Show'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        drawQuarantine(sourceFilter.value.trim() || null, batchFilter.value || null);
    });
    fill(holder, el('h2', {id: 'quarantine-title'}, 'Quarantine'),
        el('p', {className: 'muted'}, batch ? 'Rows of batch ' + batch + ' kept aside.' : source ? 'Rows of ' + source + ' kept aside.' : 'The newest rows kept aside, from every source.'),
        form,
        answer.ok ? null : el('p', {className: 'problem'}, reason(answer)),
        table({
            headers: ['Batch', 'Source', 'File', 'Line', 'Field', 'Reason', 'Raw line', 'State'],
            rows, empty: 'No quarantined row.',
            cells: row => [String(row.batchId), row.source || row.kind, row.fileName, String(row.line), row.field || '(record)',
                row.reason, el('pre', {className: 'raw'}, row.rawText || ''),
                row.supersededBy ? el('span', {className: 'muted superseded'}, 'resolved: batch ' + row.supersededBy + ' stored the corrected file')
                    : row.batchStatus === 'REJECTED' ? el('span', {className: 'problem'}, 'file refused') : 'kept aside']
        }));
}
