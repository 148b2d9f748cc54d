// Syntax highlighting for Drools rule files in CodeMirror 5 (simple mode addon): keywords, strings,
// comments, $bindings, numbers and @annotations. Highlighting only: the server compiles and checks.
const KEYWORDS = ['package', 'import', 'global', 'function', 'query', 'declare', 'rule', 'when', 'then', 'end',
    'salience', 'no-loop', 'lock-on-active', 'agenda-group', 'activation-group', 'dialect', 'enabled',
    'date-effective', 'date-expires', 'not', 'exists', 'forall', 'eval', 'from', 'collect', 'accumulate', 'and', 'or',
    'modify', 'insert', 'insertLogical', 'update', 'delete', 'retract', 'new', 'null', 'true', 'false', 'extends',
    'over', 'entry-point', 'in', 'matches', 'memberOf', 'contains'];

export function defineDrlMode(CodeMirror) {
    const keyword = new RegExp('(?:' + KEYWORDS.map(word => word.replace(/-/g, '\\-')).join('|') + ')\\b');
    CodeMirror.defineSimpleMode('drl', {
        start: [
            {regex: /"(?:[^\\"]|\\.)*?(?:"|$)/, token: 'string'},
            {regex: /\/\/.*/, token: 'comment'},
            {regex: /#.*/, token: 'comment'},
            {regex: /\/\*/, token: 'comment', next: 'comment'},
            {regex: /\$[A-Za-z_]\w*/, token: 'variable-2'},
            {regex: /@[A-Za-z_]\w*/, token: 'meta'},
            {regex: keyword, token: 'keyword'},
            {regex: /[A-Z]\w*/, token: 'type'},
            {regex: /-?\d+(?:\.\d+)?/, token: 'number'},
            {regex: /[{[(]/, indent: true},
            {regex: /[}\])]/, dedent: true}
        ],
        comment: [
            {regex: /.*?\*\//, token: 'comment', next: 'start'},
            {regex: /.*/, token: 'comment'}
        ],
        meta: {lineComment: '//'}
    });
}
