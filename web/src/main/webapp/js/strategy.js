// The strategy team's screen: rule-set versions and their activation history; open a version's files;
// start a draft as a copy of a version and edit it (DRL in a code editor, decision tables as a grid);
// save it, validate it (click a problem to go to its place), dry-run it, activate it with a comment, or roll
// back to an earlier version. The working copy lives in sessionStorage until it is saved or discarded, so a
// session that ends mid-edit loses nothing.
import {el, fill, say, table, when} from './dom.js';
import {reason, ruleSets} from './api.js';
import {keepOnSignOut, start} from './shell.js';
import {csvGrid} from './csv-grid.js';
import {defineDrlMode} from './drl-mode.js';
import {lineDiff} from './line-diff.js';

const WORKING_KEY = 'rapport.strategy.working';

const screen = document.querySelector('#screen');
const notice = document.querySelector('#notice');

/** The stored version shown (VersionView) and its files {name → {text} | {base64}}. */
let current = null;
/** The draft being edited: {baseId, baseLabel, label, files: [{name, text} | {name, base64}], original: {name → text}, savedAs}. */
let working = null;
let selectedFile = null;
let editor = null; // {kind: 'text'|'grid'|'binary', place(line, column)}

// ---------------------------------------------------------------- versions and activations

async function drawAll() {
    if (!document.querySelector('#versions')) {
        fill(screen,
            el('section', {id: 'versions', attrs: {'aria-labelledby': 'versions-title'}}),
            el('section', {id: 'workspace-holder'}),
            el('section', {id: 'activations', attrs: {'aria-labelledby': 'activations-title'}}));
    }
    const [versions, activations] = await Promise.all([ruleSets.versions(), ruleSets.activations()]);
    if (!versions.ok) {
        say(notice, 'The rule-set versions could not be read: ' + reason(versions), 'problem');
        return;
    }
    const list = [...versions.data].sort((a, b) => b.id - a.id);
    fill(document.querySelector('#versions'),
        el('h2', {id: 'versions-title'}, 'Rule-set versions'),
        table({
            headers: ['Version', 'Label', 'Status', 'Author', 'Created', 'Files', ''],
            rows: list,
            cells: version => [String(version.id), version.label, version.status, version.author, when(version.createdAt),
                String(version.files.length),
                el('button', {type: 'button', className: 'secondary open-version', attrs: {'data-id': version.id,
                    'aria-label': 'Open version ' + version.id}, on: {click: () => openVersion(version.id)}}, 'Open')]
        }));
    document.querySelectorAll('#versions tbody tr').forEach((row, index) => {
        if (list[index]) {
            row.dataset.id = list[index].id;
            row.dataset.status = list[index].status;
        }
    });
    fill(document.querySelector('#activations'),
        el('h2', {id: 'activations-title'}, 'Activation history'),
        table({
            headers: ['When', 'Version', 'By', 'Comment', 'Kind'],
            rows: activations.ok ? activations.data : [],
            empty: 'No version has been activated by hand yet.',
            cells: activation => [when(activation.at), activation.version, activation.by, activation.comment || '—',
                activation.rollback ? 'Roll back' : 'Activation']
        }));
}

async function openVersion(id) {
    const answer = await ruleSets.version(id);
    if (!answer.ok) {
        say(notice, reason(answer), 'problem');
        return;
    }
    const files = {};
    for (const name of answer.data.files) {
        files[name] = await readFile(id, name);
    }
    current = {version: answer.data, files};
    selectedFile = answer.data.files[0] || null;
    openWorkspace();
}

async function readFile(id, name) {
    if (isWorkbook(name)) {
        const answer = await ruleSets.fileBytes(id, name);
        return {base64: toBase64(answer.data)};
    }
    const answer = await ruleSets.fileText(id, name);
    return {text: answer.ok ? answer.data : ''};
}

const isWorkbook = name => /\.xlsx$/i.test(name);
const isTable = name => /\.csv$/i.test(name);

function toBase64(buffer) {
    const bytes = new Uint8Array(buffer);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
}

// ---------------------------------------------------------------- the workspace

function openWorkspace() {
    const holder = document.querySelector('#workspace-holder');
    const editing = working !== null;
    const fileNames = editing ? working.files.map(file => file.name) : Object.keys(current ? current.files : {});
    if (!fileNames.includes(selectedFile)) {
        selectedFile = fileNames[0] || null;
    }
    const title = editing
        ? 'Draft from version ' + working.baseId + (working.savedAs ? ' — last saved as version ' + working.savedAs.id : ' — not saved yet')
        : 'Version ' + current.version.id + ' ' + current.version.label + ' (' + current.version.status + ')';
    fill(holder,
        el('h2', {id: 'workspace-title'}, title),
        editing ? draftToolbar() : versionToolbar(),
        el('div', {className: 'workspace'},
            el('nav', {attrs: {'aria-label': 'Files'}},
                el('ul', {className: 'file-list', id: 'files'}, fileNames.map(name => el('li', {},
                    el('button', {type: 'button', className: 'link', attrs: {'data-file': name,
                        'aria-current': name === selectedFile ? 'true' : 'false'}, on: {click: () => selectFile(name)}}, name)))),
                editing ? addFileForm() : null),
            el('div', {id: 'editor-area'})),
        el('div', {id: 'results'}));
    drawEditor();
}

function versionToolbar() {
    const version = current.version;
    const toolbar = el('div', {className: 'panel'},
        el('div', {className: 'row'},
            el('button', {type: 'button', id: 'start-draft', on: {click: startDraft}}, 'Start a draft from this version'),
            el('button', {type: 'button', id: 'validate', className: 'secondary', on: {click: () => validate(version.id)}}, 'Validate'),
            version.status !== 'ACTIVE'
                ? el('button', {type: 'button', id: 'dry-run', className: 'secondary', on: {click: () => dryRun(version.id)}}, 'Dry run') : null),
        version.status !== 'ACTIVE' ? activateForm(version) : el('p', {className: 'muted'}, 'This is the active rule set: the next run grades with it.'));
    return toolbar;
}

function activateForm(version) {
    const rollback = version.status === 'RETIRED';
    const comment = el('textarea', {id: 'activation-comment', rows: 2, required: true, maxLength: 1000});
    const problem = el('p', {className: 'problem', attrs: {role: 'alert'}});
    const form = el('form', {className: 'field', id: 'activate-form'},
        el('label', {htmlFor: 'activation-comment'}, rollback ? 'Why roll back to this version?' : 'Why activate this version?'),
        comment,
        el('div', {}, el('button', {type: 'submit', id: 'activate'}, rollback ? 'Roll back to this version' : 'Activate')),
        problem);
    form.addEventListener('submit', async event => {
        event.preventDefault();
        problem.textContent = '';
        if (!comment.value.trim()) {
            problem.textContent = 'Say why: the audit trail keeps it.';
            comment.focus();
            return;
        }
        const answer = await ruleSets.activate(version.id, comment.value.trim());
        if (!answer.ok) {
            problem.textContent = reason(answer);
            if (answer.data && answer.data.messages) {
                showProblems(answer.data.messages);
            }
            return;
        }
        say(notice, 'Version ' + version.id + (rollback ? ' is active again (rolled back).' : ' is now active.'), 'ok');
        await drawAll();
        await openVersion(version.id);
    });
    return form;
}

function draftToolbar() {
    const label = el('input', {id: 'draft-label', value: working.label, maxLength: 120,
        on: {input: event => { working.label = event.target.value; storeWorking(); }}});
    return el('div', {className: 'panel'},
        el('div', {className: 'field'}, el('label', {htmlFor: 'draft-label'}, 'Label of the draft'), label),
        el('div', {className: 'row'},
            el('button', {type: 'button', id: 'save-draft', on: {click: saveDraft}}, 'Save as draft'),
            el('button', {type: 'button', id: 'show-changes', className: 'secondary', on: {click: showChanges}}, 'Changes from version ' + working.baseId),
            working.savedAs ? el('button', {type: 'button', id: 'validate', className: 'secondary', on: {click: () => validate(working.savedAs.id)}}, 'Validate saved draft') : null,
            working.savedAs ? el('button', {type: 'button', id: 'dry-run', className: 'secondary', on: {click: () => dryRun(working.savedAs.id)}}, 'Dry run saved draft') : null,
            working.savedAs ? el('button', {type: 'button', id: 'open-saved', className: 'secondary', on: {click: () => leaveDraft(working.savedAs.id)}}, 'Close the editor and open version ' + working.savedAs.id) : null,
            el('button', {type: 'button', id: 'discard', className: 'secondary', on: {click: discard}}, 'Discard the draft')),
        el('p', {className: 'muted'}, 'A draft holds every file of the version it came from; what you do not change stays as it was.'));
}

function addFileForm() {
    const name = el('input', {id: 'new-file-name', placeholder: 'e.g. my-triggers.drl', pattern: '[A-Za-z0-9][A-Za-z0-9._-]*'});
    const problem = el('p', {className: 'problem', attrs: {role: 'alert'}});
    const form = el('form', {className: 'field'},
        el('label', {htmlFor: 'new-file-name'}, 'Add a file'), name,
        el('button', {type: 'submit', className: 'secondary', id: 'add-file'}, 'Add'), problem);
    form.addEventListener('submit', event => {
        event.preventDefault();
        const wanted = name.value.trim();
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.(drl|drl\.csv|scenario\.json|txt)$/.test(wanted)) {
            problem.textContent = 'A rule file is named like rules.drl, targets.drl.csv or checks.scenario.json.';
            return;
        }
        if (working.files.some(file => file.name === wanted)) {
            problem.textContent = 'The draft already has ' + wanted + '.';
            return;
        }
        working.files.push({name: wanted, text: ''});
        storeWorking();
        selectedFile = wanted;
        openWorkspace();
    });
    return form;
}

function selectFile(name) {
    selectedFile = name;
    document.querySelectorAll('#files button').forEach(button =>
        button.setAttribute('aria-current', button.dataset.file === name ? 'true' : 'false'));
    drawEditor();
}

function fileOf(name) {
    if (working) {
        return working.files.find(file => file.name === name);
    }
    return current && current.files[name] ? {name, ...current.files[name]} : null;
}

function drawEditor() {
    const area = document.querySelector('#editor-area');
    const file = fileOf(selectedFile);
    editor = null;
    if (!file) {
        fill(area, el('p', {className: 'muted'}, 'No file.'));
        return;
    }
    const readOnly = working === null;
    const heading = el('div', {className: 'row'}, el('h3', {id: 'file-title'}, file.name),
        readOnly ? el('span', {className: 'muted'}, 'read only: start a draft to change it') : null,
        !readOnly && working.original[file.name] !== undefined
            ? el('button', {type: 'button', className: 'secondary', id: 'revert-file', on: {click: () => revertFile(file.name)}}, 'Undo my changes to this file') : null,
        !readOnly ? el('button', {type: 'button', className: 'secondary', id: 'remove-file', on: {click: () => removeFile(file.name)}}, 'Remove this file') : null);
    const holder = el('div', {id: 'editor'});
    fill(area, heading, holder);
    if (isWorkbook(file.name)) {
        holder.appendChild(el('p', {}, 'A workbook decision table. ',
            readOnly ? el('a', {href: ruleSets.fileUrl(current.version.id, file.name), download: file.name}, 'Download it') : 'Upload a new copy: ',
            readOnly ? null : uploadWorkbook(file)));
        editor = {kind: 'binary', place: () => {}};
    } else if (isTable(file.name)) {
        const grid = csvGrid(holder, file.text, {readOnly, fileName: file.name, onChange: text => { file.text = text; storeWorking(); }});
        editor = {kind: 'grid', place: (line, column) => grid.focusCell(Math.max(line - 1, 0), Math.max(column - 1, 0))};
    } else {
        const textarea = el('textarea', {attrs: {'aria-label': file.name + (readOnly ? ' (read only)' : '')}});
        textarea.value = file.text;
        holder.appendChild(textarea);
        const codeMirror = window.CodeMirror.fromTextArea(textarea, {
            mode: /\.drl$/i.test(file.name) ? 'drl' : null, lineNumbers: true, readOnly, matchBrackets: true,
            indentUnit: 4, inputStyle: 'textarea', screenReaderLabel: file.name
        });
        codeMirror.on('change', () => {
            file.text = codeMirror.getValue();
            storeWorking();
        });
        editor = {kind: 'text', codeMirror, place: (line, column) => {
            codeMirror.focus();
            codeMirror.setCursor({line: Math.max(line - 1, 0), ch: Math.max(column - 1, 0)});
            codeMirror.scrollIntoView(null, 80);
        }};
    }
}

function uploadWorkbook(file) {
    const input = el('input', {type: 'file', accept: '.xlsx', attrs: {'aria-label': 'Workbook for ' + file.name}});
    input.addEventListener('change', async () => {
        const chosen = input.files[0];
        if (!chosen) {
            return;
        }
        if (!/\.xlsx$/i.test(chosen.name) || chosen.size > 5 * 1024 * 1024) {
            say(notice, 'Only an .xlsx workbook of at most 5 MB can replace ' + file.name + '.', 'problem');
            return;
        }
        file.base64 = toBase64(await chosen.arrayBuffer());
        storeWorking();
        say(notice, chosen.name + ' will replace ' + file.name + ' when you save the draft.', 'info');
    });
    return input;
}

// ---------------------------------------------------------------- the draft's lifecycle

function startDraft() {
    const original = {};
    const files = Object.entries(current.files).map(([name, content]) => {
        if (content.text !== undefined) {
            original[name] = content.text;
        }
        return {name, ...content};
    });
    working = {baseId: current.version.id, baseLabel: current.version.label, baseNames: Object.keys(current.files),
        label: 'draft from version ' + current.version.id, files, original, savedAs: null};
    storeWorking();
    openWorkspace();
    say(notice, 'A draft from version ' + working.baseId + ' is open: change what you need, then save it.', 'info');
}

function revertFile(name) {
    const file = working.files.find(candidate => candidate.name === name);
    file.text = working.original[name];
    storeWorking();
    drawEditor();
}

function removeFile(name) {
    working.files = working.files.filter(file => file.name !== name);
    storeWorking();
    openWorkspace();
    say(notice, name + ' is left out of the draft.', 'info');
}

async function saveDraft() {
    const files = working.files.map(file => file.base64 !== undefined ? {name: file.name, base64: file.base64} : {name: file.name, text: file.text});
    const kept = new Set(working.files.map(file => file.name));
    const removed = (working.baseNames || Object.keys(working.original)).filter(name => !kept.has(name));
    const answer = await ruleSets.createDraft(working.label || 'draft', working.baseId, files, removed);
    if (!answer.ok) {
        say(notice, 'The draft was not saved: ' + reason(answer), 'problem');
        return;
    }
    working.savedAs = answer.data;
    storeWorking();
    await drawAll();
    openWorkspace();
    say(notice, 'Saved as version ' + answer.data.id + '. Validate it next.', 'ok');
}

async function leaveDraft(id) {
    working = null;
    sessionStorage.removeItem(WORKING_KEY);
    await openVersion(id);
}

async function discard() {
    working = null;
    sessionStorage.removeItem(WORKING_KEY);
    if (current) {
        openWorkspace();
    } else {
        fill(document.querySelector('#workspace-holder'));
    }
    say(notice, 'The draft was discarded.', 'info');
}

async function validate(id) {
    const results = document.querySelector('#results');
    fill(results, el('p', {className: 'muted'}, 'Validating version ' + id + '…'));
    const answer = await ruleSets.validate(id);
    if (!answer.ok) {
        fill(results, el('p', {className: 'problem'}, reason(answer)));
        return;
    }
    await drawAll();
    if (!working) {
        await openVersion(id); // its status may have moved on (DRAFT → VALIDATED)
    }
    showProblems(answer.data.problems, id);
    showWarnings(answer.data.warnings || []);
    showScenarios(answer.data.scenarios || []);
}

/** What the draft drops against the active set: never blocking, always shown. */
function showWarnings(warnings) {
    if (warnings.length === 0) {
        return;
    }
    document.querySelector('#results').append(el('section', {id: 'warnings'},
        el('h3', {}, warnings.length + (warnings.length === 1 ? ' warning' : ' warnings')),
        el('ul', {}, warnings.map(warning => el('li', {},
            warning.file ? el('strong', {}, warning.file + ': ') : null, el('span', {}, warning.text))))));
}

function showScenarios(scenarios) {
    if (scenarios.length === 0) {
        return;
    }
    document.querySelector('#results').append(el('section', {id: 'scenarios'},
        table({caption: 'Scenarios', headers: ['File', 'Scenario', 'Result', 'Difference'], rows: scenarios,
            empty: 'No scenarios.',
            cells: scenario => [scenario.file, scenario.scenario, scenario.passed ? 'passed' : 'FAILED',
                scenario.failures.map(failure => failure.text).join('; ') || '—']})));
}

/** Every problem with its file and place; choosing one opens the file there. */
function showProblems(problems, id) {
    const results = document.querySelector('#results');
    if (problems.length === 0) {
        fill(results, el('section', {id: 'problems'}, el('h3', {}, 'Validation'),
            el('p', {className: 'ok', id: 'no-problems'}, 'Version ' + id + ' compiles and passes its scenarios: no problems.')));
        return;
    }
    fill(results, el('section', {id: 'problems'},
        el('h3', {}, problems.length + (problems.length === 1 ? ' problem' : ' problems')),
        el('ul', {className: 'problems'}, problems.map(problem => el('li', {},
            el('button', {type: 'button', className: 'link problem-place',
                attrs: {'data-file': problem.file, 'data-line': problem.line, 'data-column': problem.column},
                on: {click: () => goTo(problem)}},
            problem.file + (problem.sheet ? ' [' + problem.sheet + ']' : '')
                + (isTable(problem.file || '') || problem.sheet ? ', row ' + problem.line + ', column ' + problem.column
                    : ', line ' + problem.line + ', column ' + problem.column)),
            ': ', el('span', {className: 'problem-text'}, problem.text))))));
}

function goTo(problem) {
    if (!fileOf(problem.file)) {
        say(notice, problem.file + ' is not in the files open here.', 'problem');
        return;
    }
    selectFile(problem.file);
    if (editor) {
        editor.place(problem.line, problem.column);
    }
}

async function dryRun(id) {
    const results = document.querySelector('#results');
    fill(results, el('p', {className: 'muted'}, 'Grading the last twelve published months with version ' + id + '…'));
    const answer = await ruleSets.dryRunMonths(id, 12);
    if (answer.status === 409) {
        fill(results, el('p', {className: 'problem'}, reason(answer)));
        if (answer.data && answer.data.messages) {
            showProblems(answer.data.messages, id);
        }
        return;
    }
    if (!answer.ok) {
        fill(results, el('p', {className: 'problem'}, reason(answer)));
        return;
    }
    const dry = answer.data;
    if (dry.months.length === 0) {
        fill(results, el('p', {}, 'No month is published yet, so there is nothing to compare with.'));
        return;
    }
    const changes = dry.months.flatMap(month => month.ragChanges.map(change => ({month: month.month, ...change})));
    fill(results, el('section', {id: 'dry-run-result'},
        el('h3', {}, 'What version ' + id + ' would have told the board, ' + dry.months[dry.months.length - 1].month
            + ' to ' + dry.months[0].month + ', against the active rule set'),
        monthGrid(dry),
        table({caption: 'RAG statuses that would change', headers: ['Month', 'KPI', 'Dimension', 'Active', 'This version'],
            rows: changes, empty: 'No RAG status would change in any month.',
            cells: change => [change.month, change.code, change.dimension, change.activeRag, change.draftRag]}),
        table({caption: 'Triggers added and removed', headers: ['Month', 'Added', 'Removed'], rows: dry.months,
            empty: 'No month.',
            cells: month => [month.month, month.triggersAdded.join('; ') || '—', month.triggersRemoved.join('; ') || '—']})));
}

/** Month × KPI: how many of each KPI's RAG statuses (overall and slices) would move that month. */
function monthGrid(dry) {
    if (dry.kpis.length === 0) {
        return el('p', {id: 'dry-run-grid', className: 'muted'}, 'No KPI\'s RAG status would change in any month.');
    }
    return table({caption: 'RAG changes by month and KPI', headers: ['Month', ...dry.kpis], rows: dry.months,
        empty: 'No month.',
        cells: month => [month.month, ...dry.kpis.map(code => {
            const moved = month.ragChanges.filter(change => change.code === code);
            const overall = moved.find(change => change.dimension === 'overall');
            return moved.length === 0 ? '' : (overall ? overall.activeRag + ' → ' + overall.draftRag : '')
                + (moved.length > (overall ? 1 : 0) ? ' (' + moved.length + ')' : '');
        })]});
}

function list(items, id) {
    return items.length === 0 ? el('p', {className: 'muted', id}, 'None.') : el('ul', {id}, items.map(item => el('li', {}, item)));
}

function showChanges() {
    const results = document.querySelector('#results');
    const names = new Set([...Object.keys(working.original), ...working.files.map(file => file.name)]);
    const sections = [];
    for (const name of [...names].sort()) {
        const file = working.files.find(candidate => candidate.name === name);
        const before = working.original[name];
        if (!file) {
            sections.push(el('li', {}, el('strong', {}, name), ' — removed'));
        } else if (before === undefined) {
            sections.push(el('li', {}, el('strong', {}, name), file.base64 !== undefined ? ' — workbook' : ' — added'));
        } else if (file.text !== undefined && file.text !== before) {
            sections.push(el('li', {}, el('strong', {}, name), ' — changed',
                el('pre', {className: 'raw diff'}, lineDiff(before, file.text).map(line =>
                    el('span', {className: line.kind === '+' ? 'diff-added' : line.kind === '-' ? 'diff-removed' : ''},
                        line.kind + ' ' + (line.number ? String(line.number).padStart(4) + '  ' : '      ') + line.text + '\n')))));
        }
    }
    fill(results, el('section', {id: 'changes'}, el('h3', {}, 'Changes from version ' + working.baseId),
        sections.length === 0 ? el('p', {className: 'muted'}, 'No file changed yet.') : el('ul', {}, sections)));
}

// ---------------------------------------------------------------- keeping the working copy

function storeWorking() {
    if (working) {
        try {
            sessionStorage.setItem(WORKING_KEY, JSON.stringify(working));
        } catch (full) {
            say(notice, 'This browser tab cannot keep the draft (storage is full): save it soon.', 'problem');
        }
    }
}

function restoreWorking() {
    try {
        const kept = sessionStorage.getItem(WORKING_KEY);
        return kept ? JSON.parse(kept) : null;
    } catch (unreadable) {
        return null;
    }
}

// ---------------------------------------------------------------- start (last: a module's top-level await pauses its
// evaluation, so everything the first drawing uses must be defined above this point)

const me = await start('strategy.html');
if (me) {
    defineDrlMode(window.CodeMirror);
    keepOnSignOut(storeWorking);
    working = restoreWorking();
    await drawAll();
    if (working) {
        say(notice, 'Your unsaved draft (from version ' + working.baseId + ') was kept and is open again.', 'info');
        openWorkspace();
    }
}
