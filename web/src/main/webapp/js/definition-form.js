// A source definition as a form, beside its JSON: the settings, transports, kinds, fields and options it
// offers come from the server's guide (GET api/source-guide, read from the code that checks definitions),
// so the form asks for what saving will check, and marks what is required. Each control carries the path of
// the definition field it writes (data-field), so a problem the server reports is shown at its control.
// Values go in as form values and text nodes only.
import {el, fill} from './dom.js';

/** Settings the form draws in their own way, or leaves to the JSON view. */
const DRAWN_APART = new Set(['transport', 'fields', 'values', 'options', 'companion']);

/**
 * The form for one definition. onChange(definition) is called with the definition object after each edit.
 * Answers {node, load(definition), control(path), showProblems(problems) → problems not shown at a control}.
 */
export function definitionForm(guide, onChange) {
    let definition = {};
    const node = el('div', {id: 'definition-fields', className: 'definition-form'});

    function kindGuide() {
        return guide.kinds.find(kind => kind.kind === definition.kind);
    }

    function formatGuide() {
        return guide.formats.find(format => format.id === definition.format);
    }

    function changed(path, value) {
        set(definition, path, value);
        if (path === 'kind' || path === 'format' || path === 'transport.type') {
            draw(); // the fields, formats and transport settings on offer depend on these
        }
        onChange(definition);
    }

    function draw() {
        const kind = kindGuide();
        const format = formatGuide();
        const transportType = definition.transport && definition.transport.type;
        const settings = guide.settings.filter(setting => !DRAWN_APART.has(setting.path));
        const formats = kind ? guide.formats.filter(candidate => kind.formats.includes(candidate.id)) : guide.formats;
        const transportSettings = (guide.transports[transportType] || []).filter(setting => setting.path !== 'transport.type');
        const fields = format && kind ? (format.fields[kind.kind] || []) : kind ? kind.fields : [];
        fill(node,
            el('fieldset', {}, el('legend', {}, 'Settings'),
                settings.map(setting => {
                    if (setting.path === 'kind') {
                        return choice(setting, guide.kinds.map(candidate => candidate.kind));
                    }
                    if (setting.path === 'format') {
                        return choice(setting, formats.map(candidate => candidate.id));
                    }
                    return text(setting, setting.path === 'timeZone' ? 'time-zones' : null);
                }),
                timeZones()),
            el('fieldset', {}, el('legend', {}, 'Transport: how the files arrive'),
                choice({path: 'transport.type', required: true}, Object.keys(guide.transports)),
                transportSettings.map(setting => text(setting))),
            el('fieldset', {}, el('legend', {}, 'Fields: the column each field is read from'),
                kind ? null : el('p', {className: 'muted'}, 'Choose a kind to see its fields.'),
                kind && format && fields.length === 0
                    ? el('p', {className: 'muted'}, 'The format ' + format.id + ' maps its fields itself.') : null,
                kind && fields.length ? el('p', {className: 'muted'}, 'A field left empty is read from a column of its own name, when the file has one.') : null,
                fields.map(field => text({path: 'fields.' + field, required: kind.required.includes(field)}, null, field))),
            format && format.options.length ? el('fieldset', {}, el('legend', {}, 'Options of ' + format.id),
                format.options.map(option => text({path: 'options.' + option, required: false}, null, option))) : null,
            format && format.companion ? el('p', {className: 'muted'},
                'The format ' + format.id + ' joins a companion file to each file (companion.file is required): write it in the JSON view.') : null);
    }

    /** A text input for a setting; a value the form cannot show as text (a list, a constant) is left to the JSON. */
    function text(setting, list, label) {
        const current = get(definition, setting.path);
        const editable = current === undefined || current === null || typeof current !== 'object';
        const input = el('input', {id: controlId(setting.path), value: editable ? String(current ?? '') : JSON.stringify(current),
            disabled: !editable,
            attrs: {'data-field': setting.path, list, 'aria-describedby': messageId(setting.path),
                // a required field may also come from a column of its own name: required, not necessarily typed here
                'aria-required': setting.required && !setting.path.startsWith('fields.') ? 'true' : null},
            // as typed, so the JSON (and what a session that ends keeps of it) is never behind the form
            on: {input: event => changed(setting.path, event.target.value.trim())}});
        return field(setting, input, label, editable ? null : 'set in the JSON view (a list of columns or a constant)');
    }

    function choice(setting, options) {
        const current = get(definition, setting.path);
        const select = el('select', {id: controlId(setting.path),
            attrs: {'data-field': setting.path, 'aria-describedby': messageId(setting.path),
                'aria-required': setting.required ? 'true' : null},
            on: {change: event => changed(setting.path, event.target.value)}},
            el('option', {value: ''}, '—'),
            options.map(option => el('option', {value: option, selected: option === current}, option)),
            current && !options.includes(current) ? el('option', {value: current, selected: true}, current) : null);
        return field(setting, select);
    }

    function field(setting, control, label, note) {
        return el('div', {className: 'field'},
            el('label', {htmlFor: control.id}, label || setting.path, setting.required ? el('span', {className: 'required'}, ' (required)') : null),
            control,
            note ? el('span', {className: 'muted'}, note) : null,
            el('span', {id: messageId(setting.path), className: 'problem field-message', attrs: {'aria-live': 'polite'}}));
    }

    function timeZones() {
        const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
        return el('datalist', {id: 'time-zones'}, ['UTC', ...zones].map(zone => el('option', {value: zone})));
    }

    return {
        node,
        load(loaded) {
            definition = loaded && typeof loaded === 'object' && !Array.isArray(loaded) ? loaded : {};
            draw();
        },
        control(path) {
            return node.querySelector('[data-field="' + CSS.escape(path) + '"]');
        },
        /** Puts each problem beside its control; answers those that have none here. */
        showProblems(problems) {
            node.querySelectorAll('.field-message').forEach(message => {
                message.textContent = '';
            });
            node.querySelectorAll('[aria-invalid]').forEach(control => control.removeAttribute('aria-invalid'));
            return problems.filter(problem => {
                const control = problem.field ? this.control(problem.field) : null;
                if (!control) {
                    return true;
                }
                control.setAttribute('aria-invalid', 'true');
                const message = node.querySelector('#' + CSS.escape(messageId(problem.field)));
                message.textContent = (message.textContent ? message.textContent + ' ' : '') + problem.message;
                return false;
            });
        }
    };
}

function controlId(path) {
    return 'form-' + path.replace(/[^A-Za-z0-9_-]/g, '-');
}

function messageId(path) {
    return controlId(path) + '-problem';
}

function get(object, path) {
    return path.split('.').reduce((value, key) => value && typeof value === 'object' ? value[key] : undefined, object);
}

/** Sets a path's value; an empty value removes the key (and an object it leaves empty). */
function set(object, path, value) {
    const keys = path.split('.');
    const last = keys.pop();
    let holder = object;
    const parents = [];
    for (const key of keys) {
        if (!holder[key] || typeof holder[key] !== 'object') {
            if (value === '') {
                return;
            }
            holder[key] = {};
        }
        parents.push([holder, key]);
        holder = holder[key];
    }
    if (value === '') {
        delete holder[last];
        for (const [parent, key] of parents.reverse()) {
            if (Object.keys(parent[key]).length === 0) {
                delete parent[key];
            }
        }
    } else {
        holder[last] = value;
    }
}

/**
 * The definition object of a JSON text as people write it for Rapport: with // and block comments and
 * trailing commas, which the server allows. Throws SyntaxError when it is not JSON even so.
 */
export function parseDefinition(textValue) {
    let out = '';
    let inString = false;
    for (let at = 0; at < textValue.length; at++) {
        const char = textValue[at];
        if (inString) {
            out += char;
            if (char === '\\') {
                out += textValue[++at] ?? '';
            } else if (char === '"') {
                inString = false;
            }
        } else if (char === '"') {
            inString = true;
            out += char;
        } else if (char === '/' && textValue[at + 1] === '/') {
            while (at < textValue.length && textValue[at] !== '\n') {
                at++;
            }
            out += '\n';
        } else if (char === '/' && textValue[at + 1] === '*') {
            const end = textValue.indexOf('*/', at + 2);
            at = end < 0 ? textValue.length : end + 1;
        } else if (char === ',' && /^\s*[}\]]/.test(textValue.substring(at + 1))) {
            // a trailing comma, which the server allows
        } else {
            out += char;
        }
    }
    return JSON.parse(out);
}
