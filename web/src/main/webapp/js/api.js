// Every call the screens make to Rapport's REST API, in one place, so that an endpoint that changes is
// changed here only. Each function answers {ok, status, data} (data: parsed JSON, or the text of an
// error) and never throws for an HTTP status; a 401 (session expired) is announced to whoever listens
// (shell.js asks the user to sign in again) before it is answered.

const signedOutListeners = [];

/** Called once per 401 answer, before the caller sees it. */
export function onSignedOut(listener) {
    signedOutListeners.push(listener);
}

export class SignedOut extends Error {
}

async function call(method, path, {json, text, raw, form} = {}) {
    const headers = {'X-Requested-With': 'rapport'};
    let body;
    if (form !== undefined) {
        body = form; // multipart/form-data: the browser writes the Content-Type with its boundary
    } else if (raw !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = raw;
    } else if (json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(json);
    }
    const response = await fetch('api/' + path, {method, headers, body, credentials: 'same-origin'});
    if (response.status === 401) {
        signedOutListeners.forEach(listener => listener());
        throw new SignedOut('The session has ended');
    }
    const type = response.headers.get('Content-Type') || '';
    let data;
    if (text) {
        data = await response.text();
    } else if (type.includes('json')) {
        data = await response.json().catch(() => null);
    } else {
        data = await response.text();
    }
    return {ok: response.ok, status: response.status, data};
}

const get = (path, options) => call('GET', path, options);
const post = (path, json) => call('POST', path, {json: json === undefined ? {} : json});
const put = (path, json) => call('PUT', path, {json});
const id = value => encodeURIComponent(String(value));

export const session = {
    me: () => get('session'),
    signOut: () => call('DELETE', 'session')
};

export const runs = {
    list: () => get('runs'),
    detail: run => get('runs/' + id(run)),
    snapshot: run => get('runs/' + id(run) + '/snapshot'),
    breakdowns: (run, code) => get('runs/' + id(run) + '/kpis/' + id(code) + '/breakdowns'),
    deliveries: run => get('runs/' + id(run) + '/deliveries'),
    packUrl: run => 'api/runs/' + id(run) + '/pack',
    start: month => call('POST', 'runs?month=' + encodeURIComponent(month)),
    force: run => post('runs/' + id(run) + '/force')
};

export const actionPoints = {
    list: run => get('runs/' + id(run) + '/triggers'),
    history: (run, trigger) => get('runs/' + id(run) + '/triggers/' + id(trigger) + '/history'),
    move: (run, trigger, status, note) => put('runs/' + id(run) + '/triggers/' + id(trigger) + '/status', {status, note})
};

export const kpis = {
    definitions: () => get('kpis')
};

// The rule-set lifecycle (RuleSetsResource). A draft is a copy of the version it starts from (basedOn); the
// editor sends every file it holds and names those it left out, so that a draft never silently drops rules.
export const ruleSets = {
    versions: () => get('rulesets'),
    version: version => get('rulesets/' + id(version)),
    activations: () => get('rulesets/activations'),
    fileText: (version, name) => get('rulesets/' + id(version) + '/files/' + id(name), {text: true}),
    fileBytes: async (version, name) => {
        const response = await fetch('api/rulesets/' + id(version) + '/files/' + id(name), {credentials: 'same-origin'});
        if (response.status === 401) {
            signedOutListeners.forEach(listener => listener());
            throw new SignedOut('The session has ended');
        }
        return {ok: response.ok, status: response.status, data: await response.arrayBuffer()};
    },
    fileUrl: (version, name) => 'api/rulesets/' + id(version) + '/files/' + id(name),
    /** files: [{name, text}] or [{name, base64}] for a workbook; remove: names of the base's files left out. */
    createDraft: (label, basedOn, files, remove) => post('rulesets', {label, basedOn, files, remove}),
    /** {valid, status, problems: [{file, sheet, line, column, text}], warnings: [...], scenarios: [...]} */
    validate: version => post('rulesets/' + id(version) + '/validate'),
    /** The version against the active set over the last published months, newest first. */
    dryRunMonths: (version, months = 12) => get('rulesets/' + id(version) + '/dry-run/months?months=' + id(months)),
    activate: (version, comment) => post('rulesets/' + id(version) + '/activate', {comment})
};

export const intake = {
    health: () => get('intake/health'),
    batches: (limit = 100) => get('intake/batches?limit=' + id(limit)),
    quarantine: (source, batch) => {
        const query = new URLSearchParams();
        if (source) {
            query.set('source', source);
        }
        if (batch !== undefined && batch !== null && batch !== '') {
            query.set('batch', batch);
        }
        const text = query.toString();
        return get('intake/quarantine' + (text ? '?' + text : ''));
    },
    replay: batch => post('intake/batches/' + id(batch) + '/replay'),
    discard: batch => post('intake/batches/' + id(batch) + '/discard')
};

export const sources = {
    list: () => get('sources'),
    definition: name => get('sources/' + id(name), {text: true}),
    save: (name, definitionText) => call('PUT', 'sources/' + id(name), {raw: definitionText}),
    remove: name => call('DELETE', 'sources/' + id(name)),
    /** Tries the definition on a sample file (a File), storing nothing: {sample, bytes, stored, outcome}. */
    tryOn: (name, definitionText, file) => {
        const form = new FormData();
        form.append('definition', new Blob([definitionText], {type: 'application/json'}), 'definition.json');
        form.append('sample', file, file.name);
        return call('POST', 'sources/' + id(name) + '/try', {form});
    },
    /** What a definition can say: {settings, transports, kinds, formats}. */
    guide: () => get('source-guide')
};

export const readiness = {
    month: month => get('readiness/' + id(month)),
    // a source's name may hold '/' (file-drop/calls): each segment is encoded, the slashes kept
    mark: (month, source, mark) => put('readiness/' + id(month) + '/sources/' + source.split('/').map(id).join('/'), {mark}),
    unmark: (month, source) => call('DELETE', 'readiness/' + id(month) + '/sources/' + source.split('/').map(id).join('/'))
};

export const distribution = {
    recipients: () => get('distribution/recipients'),
    add: address => post('distribution/recipients', {address}),
    remove: address => call('DELETE', 'distribution/recipients/' + id(address)),
    history: () => get('distribution/history'),
    deliveries: run => get('distribution/runs/' + id(run))
};

export const schedule = {
    status: () => get('schedule')
};

/** The message of a refusal, whatever shape the server gave it. */
export function reason(answer) {
    const data = answer.data;
    if (data === null || data === undefined || data === '') {
        return 'HTTP ' + answer.status;
    }
    if (typeof data === 'string') {
        return data;
    }
    return data.reason || data.message || data.error || JSON.stringify(data);
}
