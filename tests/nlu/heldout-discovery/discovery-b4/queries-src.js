// Hand-written first messages, in q1.js … q7.js: [text, relevant-spec, acceptable-spec, note, facts].
// See build-queries.js for the label macros and the fact-based stripping.
module.exports = [].concat(...['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'].map(f => require('./' + f + '.js')));
