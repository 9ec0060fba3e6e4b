/** The dashboard's one stylesheet, served from /admin/assets/admin.css (bundled as a string for Workers). */
export const STYLES = `
:root { --fg:#1a1a1a; --muted:#555; --bg:#fff; --line:#c8c8c8; --accent:#0b5cad; --accent-fg:#fff;
  --ok:#1d6b2f; --warn:#8a4b00; --bad:#a4161a; --soft:#f3f5f8; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin:0; color:var(--fg); background:var(--bg); line-height:1.5; font-size:16px; }
a { color:var(--accent); }
:focus-visible { outline:3px solid #f2a900; outline-offset:2px; }
.skip { position:absolute; left:-999px; top:0; background:var(--accent); color:var(--accent-fg); padding:.5rem 1rem; z-index:10; }
.skip:focus { left:0; }
header.top { background:#0d2b4e; color:#fff; padding:0 1rem .5rem; }
header.top a, header.top button { color:#fff; }
.top-bar { display:flex; flex-wrap:wrap; gap:0 1rem; align-items:center; }
header.top .brand { font-weight:700; margin-right:auto; flex:1 1 0; min-width:0; overflow-wrap:anywhere; padding:.5rem 0; }
.top-bar > a, .top-bar button.link { display:inline-flex; align-items:center; min-height:44px; }
/* On a phone the sections are a grid of large buttons (3 × 2), never a row to scroll sideways. */
nav.main ul { list-style:none; display:grid; grid-template-columns:repeat(3, minmax(0,1fr)); gap:.25rem; margin:0; padding:0; }
nav.main a { display:flex; align-items:center; justify-content:center; text-align:center; min-height:44px; padding:.25rem .2rem;
  border-radius:4px; border:1px solid #5f7a99; text-decoration:none; font-size:.9375rem; line-height:1.25; }
nav.main a[aria-current="page"] { background:#fff; color:#0d2b4e; font-weight:600; }
@media (min-width: 48rem) { nav.main ul { display:flex; flex-wrap:wrap; } nav.main a { border-color:transparent; padding:.25rem .75rem; font-size:1rem; } }
main { padding:1rem; max-width:72rem; margin:0 auto; }
h1 { font-size:1.5rem; margin:.5rem 0 1rem; }
h2 { font-size:1.2rem; margin:1.25rem 0 .5rem; }
label { display:block; font-weight:600; margin:.75rem 0 .25rem; }
input, select, textarea { font:inherit; width:100%; min-height:44px; padding:.5rem; border:1px solid #767676; border-radius:4px; background:#fff; color:var(--fg); }
input[type=checkbox], input[type=radio] { width:auto; min-height:0; }
textarea { min-height:6rem; }
button, .button { font:inherit; display:inline-block; padding:.55rem 1rem; min-height:44px; border-radius:4px; border:1px solid var(--accent);
  background:var(--accent); color:var(--accent-fg); cursor:pointer; text-decoration:none; }
button.secondary, .button.secondary { background:#fff; color:var(--accent); }
button.danger { background:var(--bad); border-color:var(--bad); }
button.link { background:none; border:none; padding:0; min-height:0; color:inherit; text-decoration:underline; }
.row { display:flex; flex-wrap:wrap; gap:.5rem; align-items:flex-end; }
.row > * { flex:1 1 12rem; }
.actions { display:flex; flex-wrap:wrap; gap:.5rem; margin:.75rem 0; }
.notice { padding:.75rem 1rem; border-radius:4px; margin:.75rem 0; border-left:4px solid var(--accent); background:var(--soft); }
.notice.error { border-color:var(--bad); background:#fdecec; }
.notice.ok { border-color:var(--ok); background:#eaf6ec; }
.notice.warn { border-color:var(--warn); background:#fff4e0; }
.muted { color:var(--muted); }
.badge { display:inline-block; padding:0 .5rem; border-radius:999px; background:var(--soft); border:1px solid var(--line); font-size:.875rem; }
.badge.alert { background:var(--bad); color:#fff; border-color:var(--bad); }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:.5rem; border-bottom:1px solid var(--line); vertical-align:top; }
.table-wrap { overflow-x:auto; }
/* Links that lead back (to a list, to the inbox) are tapped with a thumb: a full 44 px line. */
.back a, main > p > a[href="/admin/inbox"]:only-child, main > p > a[href="/admin/inbox/canned"]:only-child { display:inline-flex; align-items:center; min-height:44px; }
.back { margin:0 0 .5rem; }
/*
 * Tables with many columns become one card per row on a phone: the header row is hidden (still read by
 * screen readers) and each cell says what it is through data-label.
 */
@media (max-width: 40rem) {
  table.stack thead, table.inbox-queue thead { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td,
  table.inbox-queue, table.inbox-queue tbody, table.inbox-queue tr, table.inbox-queue th, table.inbox-queue td { display:block; width:auto; }
  table.stack tr, table.inbox-queue tr { border:1px solid var(--line); border-radius:6px; padding:.25rem .75rem .5rem; margin:0 0 .75rem; }
  table.stack th, table.stack td, table.inbox-queue th, table.inbox-queue td { border:none; padding:.125rem 0; }
  table.stack th[scope=row], table.inbox-queue th[scope=row] { font-size:1.05rem; }
  table.stack th[scope=row] > a:first-of-type, table.inbox-queue th[scope=row] > a:first-child { display:inline-flex; align-items:center; min-height:44px; font-weight:600; }
  table.stack td[data-label]::before, table.inbox-queue td[data-label]::before { content:attr(data-label) ": "; font-weight:600; }
  table.stack td.stack-empty { display:none; }
  table.stack td > a:first-child { display:inline-flex; align-items:center; min-height:44px; }
  .inbox-queue .inbox-time { display:inline; }
  .inbox-queue .inbox-time + .inbox-time::before { content:" · "; }
}
.tabs { display:flex; flex-wrap:wrap; gap:.25rem; margin:0 0 1rem; padding:0; list-style:none; border-bottom:1px solid var(--line); }
.tabs a { display:inline-flex; align-items:center; gap:.25rem; min-height:44px; padding:.5rem .75rem; text-decoration:none; border:1px solid transparent; border-bottom:none; border-radius:4px 4px 0 0; }
.tabs a[aria-current="page"] { border-color:var(--line); background:#fff; font-weight:600; margin-bottom:-1px; }
.card { border:1px solid var(--line); border-radius:6px; padding:1rem; margin:.75rem 0; }
.login { max-width:24rem; margin:2rem auto; }
progress { width:100%; height:1.25rem; }
.sr-only { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
@media (min-width: 48rem) { main { padding:1.5rem; } }
/* inbox */
.inbox-time { display:block; }
.inbox-queue tr.inbox-overdue th, .inbox-queue tr.inbox-overdue td { background:#fdecec; }
.inbox-text { white-space:pre-wrap; overflow-wrap:anywhere; margin:.25rem 0; }
.inbox-layout { display:grid; grid-template-columns:minmax(0,1fr); gap:1rem; }
.inbox-log { max-height:60vh; overflow-y:auto; border:1px solid var(--line); border-radius:6px; padding:.5rem; background:var(--soft); }
.inbox-log-list { list-style:none; margin:0; padding:0; display:flex; flex-direction:column; gap:.5rem; }
.inbox-msg { max-width:90%; padding:.5rem .75rem; border-radius:8px; background:#fff; border:1px solid var(--line); }
.inbox-msg.inbox-out { align-self:flex-end; background:#e8f0fb; border-color:#b5cbe8; }
.inbox-msg.inbox-from-staff { background:#eaf6ec; border-color:#a9d3b2; }
.inbox-msg.inbox-elsewhere { align-self:center; background:transparent; border-style:dashed; }
.inbox-meta { margin:0; font-size:.875rem; color:var(--muted); }
.inbox-buttons { font-size:.875rem; margin:.25rem 0 0; }
.inbox-dl { display:grid; grid-template-columns:minmax(7rem,auto) 1fr; gap:.25rem .75rem; margin:0; }
.inbox-dl dt { font-weight:600; }
.inbox-dl dd { margin:0; overflow-wrap:anywhere; }
.inbox-note-list { list-style:none; margin:0; padding:0; }
.inbox-note-list li { border-left:4px solid var(--warn); background:#fff4e0; padding:.25rem .75rem; margin:.5rem 0; }
.inbox-field-error { color:var(--bad); font-weight:600; margin:.25rem 0; }
@media (min-width: 60rem) { .inbox-layout { grid-template-columns:minmax(0,3fr) minmax(0,2fr); } }
/* Programmes and applicants (src/admin/programmes, src/admin/applicants) */
.prog-fieldset { border:1px solid var(--line); border-radius:6px; margin:1rem 0; padding:.25rem 1rem 1rem; }
.prog-fieldset legend { font-weight:700; padding:0 .25rem; }
.prog-hint { margin:0 0 .25rem; font-size:.9rem; }
.prog-label { font-weight:600; margin:.75rem 0 .25rem; padding:0; }
.prog-checks { border:0; margin:0; padding:0; min-width:0; }
.prog-json { font-family:ui-monospace, monospace; font-size:.85rem; white-space:pre-wrap; overflow-wrap:anywhere; }
.prog-error { color:var(--bad); font-weight:600; margin:.25rem 0; }
.prog-invalid input, .prog-invalid select, .prog-invalid textarea { border:2px solid var(--bad); }
.prog-dl { display:grid; grid-template-columns:minmax(0,1fr); gap:.1rem 1rem; margin:.5rem 0 1rem; }
.prog-dl dt { font-weight:600; }
.prog-dl dd { margin:0 0 .5rem; overflow-wrap:anywhere; }
.prog-table th[scope=row] { font-weight:400; }
.prog-pager { align-items:center; }
.prog-import progress { margin:.25rem 0; }
.prog-counts { display:flex; flex-wrap:wrap; gap:.5rem; margin:.5rem 0; }
.prog-counts div { border:1px solid var(--line); border-radius:6px; padding:.5rem .75rem; min-width:8rem; }
.prog-counts dt { font-size:.9rem; color:var(--muted); }
.prog-counts dd { margin:0; font-size:1.4rem; font-weight:700; }
.prog-errors td:first-child { white-space:nowrap; }
.appl-filter-box { border:1px solid var(--line); border-radius:6px; margin:0 0 1rem; }
.appl-filter-box > summary { cursor:pointer; min-height:44px; display:flex; align-items:center; padding:.25rem 1rem; font-weight:600; color:var(--accent); }
.appl-filter-box[open] > summary { border-bottom:1px solid var(--line); }
.appl-filter-box > summary::before { content:"▸" / ""; margin-right:.5rem; }
.appl-filter-box[open] > summary::before { content:"▾" / ""; }
.appl-filters fieldset { border:none; margin:0; padding:.25rem 1rem; }
.empty-hint p { margin:.25rem 0 .5rem; }
.appl-filters legend { font-weight:700; padding:0 .25rem; }
.appl-summary { align-items:center; }
.appl-search-row { display:flex; gap:.5rem; }
.appl-search-row input { flex:1; min-width:0; }
.appl-verdict { list-style:none; padding:0; margin:.5rem 0; }
.appl-verdict li { margin:.35rem 0; }
.appl-contact { flex-wrap:wrap; }
.appl-export { display:flex; flex-wrap:wrap; align-items:end; gap:.5rem; margin:.5rem 0 1rem; }
.appl-export label { margin:0; flex-basis:100%; }
.appl-export select { max-width:100%; }
.appl-table th[scope=row] { font-weight:400; }
.appl-status-diterima { background:#eaf6ec; border-color:var(--ok); }
.appl-status-ditolak, .appl-status-mundur { background:#fdecec; border-color:var(--bad); }
.appl-status-wawancara, .appl-status-seleksi { background:#fff4e0; border-color:var(--warn); }
.appl-docs, .appl-history { padding-left:1.25rem; }
.appl-history li { margin:.4rem 0; }
.appl-interview { border:1px dashed var(--line); border-radius:6px; margin:.75rem 0; padding:.25rem 1rem .75rem; }
.appl-interview > summary { cursor:pointer; min-height:44px; display:flex; align-items:center; }
.appl-pick { width:1.5rem; height:1.5rem; margin:0 .5rem 0 0; vertical-align:middle; }
.appl-bulk { margin-top:1rem; }
.set-hours { display:grid; grid-template-columns:repeat(auto-fit, minmax(9rem, 1fr)); gap:.25rem 1rem; }
.appl-bulk-people { padding-left:1.25rem; }
.appl-bulk-people li { margin:.35rem 0; }
@media (min-width: 48rem) { .prog-dl { grid-template-columns:minmax(10rem,1fr) minmax(0,3fr); } .prog-dl dd { margin:0; } }
/* Broadcasts, targets and charts (src/admin/broadcasts, src/admin/targets, src/admin/charts) */
.bc-composer fieldset, .tg-form fieldset { border:1px solid var(--line); border-radius:6px; margin:1rem 0; padding:.25rem 1rem 1rem; }
.bc-composer legend, .tg-form legend { font-weight:700; padding:0 .25rem; }
.bc-hint { margin:0 0 .25rem; font-size:.9rem; }
.bc-field-error { color:var(--bad); font-weight:600; margin:.25rem 0; }
.bc-composer [aria-invalid="true"], .tg-form [aria-invalid="true"] { border:2px solid var(--bad); }
.bc-checks { list-style:none; margin:.25rem 0; padding:0; display:grid; grid-template-columns:repeat(auto-fill, minmax(11rem, 1fr)); gap:.25rem .75rem; }
.bc-checks li, .bc-check { display:flex; align-items:center; gap:.5rem; margin:.25rem 0; }
.bc-checks label, .bc-check label { display:flex; align-items:center; flex:1; min-height:44px; font-weight:400; margin:0; }
.bc-checks input, .bc-check input { width:1.25rem; height:1.25rem; flex:none; }
.bc-counter { margin:.25rem 0 0; font-size:.9rem; }
.bc-count { min-height:3rem; }
.bc-picker { max-height:15rem; overflow-y:auto; border:1px solid var(--line); border-radius:6px; padding:.25rem .75rem; margin:.25rem 0 .75rem; }
.bc-picker-group { border:none; padding:0; margin:0 0 .25rem; }
.bc-picker-group > legend { font-weight:700; padding:.5rem 0 .125rem; }
.bc-pick { display:flex; align-items:center; gap:.5rem; min-height:44px; margin:0; font-weight:400; }
.bc-pick[hidden], .bc-picker-group[hidden] { display:none; }
.bc-pick input { width:1.25rem; height:1.25rem; margin:0; }
/* The count stays in view while the filters above it are scrolled through. */
.bc-count-box { position:sticky; bottom:0; z-index:2; background:#fff; box-shadow:0 -2px 8px rgba(0,0,0,.12); }
/* On a wide screen the count sits beside the filters, in its own column, and stays at the top of it. */
@media (min-width: 60rem) {
  .bc-composer { display:grid; grid-template-columns:minmax(0,1fr) 19rem; column-gap:1.5rem; align-items:start; }
  .bc-composer > * { grid-column:1; }
  .bc-composer > .bc-count-box { grid-column:2; grid-row:1 / span 40; top:1rem; bottom:auto; box-shadow:none; }
}
.bc-count[aria-busy="true"] { opacity:.6; }
.bc-count-number { font-size:1.1rem; margin:.25rem 0; }
.bc-count-number strong { font-size:1.6rem; }
.bc-counts { display:flex; flex-wrap:wrap; gap:.5rem; margin:.75rem 0; }
.bc-counts div { border:1px solid var(--line); border-radius:6px; padding:.5rem .75rem; min-width:7rem; }
.bc-counts dt { font-size:.9rem; color:var(--muted); }
.bc-counts dd { margin:0; font-size:1.4rem; font-weight:700; }
.bc-summary { display:grid; grid-template-columns:minmax(0,1fr); gap:.1rem 1rem; margin:.5rem 0 1rem; }
.bc-summary dt { font-weight:600; }
.bc-summary dd { margin:0 0 .5rem; overflow-wrap:anywhere; }
.bc-preview { white-space:pre-wrap; overflow-wrap:anywhere; font:inherit; background:var(--soft); border:1px solid var(--line); border-radius:6px; padding:.75rem; margin:.5rem 0; }
.bc-confirm h3 { font-size:1rem; margin:.75rem 0 .25rem; }
.bc-confirm .card > h2:first-child, .bc-count-box > h2:first-child { margin-top:0; }
.tg-card h3 { margin:0 0 .25rem; font-size:1.1rem; }
.tg-card h3 a { display:inline-flex; align-items:center; min-height:44px; }
.tg-filter { margin:.5rem 0 1rem; }
.chart { margin:1rem 0 1.5rem; min-width:0; }
.chart-heading { font-weight:700; margin:0 0 .25rem; }
.chart-note, .chart-scope { margin:0 0 .5rem; font-size:.9rem; }
.chart-svg { display:block; width:100%; max-width:26rem; height:auto; }
.chart-met { color:var(--ok); }
.chart-missing { color:var(--warn); }
.chart-detail { margin:.25rem 0; }
.chart-data { margin:.5rem 0; }
.chart-data summary { cursor:pointer; color:var(--accent); min-height:44px; display:flex; align-items:center; }
.kb-global summary { cursor:pointer; color:var(--accent); min-height:44px; display:flex; align-items:center; }
.prog-columns > summary { cursor:pointer; color:var(--accent); min-height:44px; display:flex; align-items:center; }
.chart-data caption { text-align:left; font-weight:600; padding:.25rem 0; }
.chart-grid { display:grid; grid-template-columns:minmax(0,1fr); gap:0 2rem; }
@media (min-width: 48rem) { .bc-summary { grid-template-columns:minmax(10rem,1fr) minmax(0,3fr); } .bc-summary dd { margin:0; } }
@media (min-width: 64rem) { .chart-grid { grid-template-columns:repeat(2, minmax(0,1fr)); } .chart-grid > .chart-scope { grid-column:1 / -1; } }
/* Settings (src/admin/settings) */
.set-org { font-size:1.1rem; font-weight:600; margin:0 0 .5rem; }
.set-dl { display:grid; grid-template-columns:minmax(0,1fr); gap:.1rem 1rem; margin:.5rem 0 1rem; }
.set-dl dt { font-weight:600; }
.set-dl dd { margin:0 0 .5rem; overflow-wrap:anywhere; }
.set-form { max-width:32rem; }
.set-form [aria-invalid="true"] { border:2px solid var(--bad); }
.set-role-hints { margin:0 0 .25rem; padding-left:1.25rem; }
.set-number { max-width:10rem; }
.set-email { overflow-wrap:anywhere; }
.set-secret { display:inline-block; font-size:1.4rem; letter-spacing:.05em; padding:.5rem .75rem; background:var(--soft); border:1px dashed var(--line); border-radius:4px; user-select:all; overflow-wrap:anywhere; }
.int-url, .int-error { overflow-wrap:anywhere; }
.set-cli { background:var(--soft); border:1px solid var(--line); border-radius:4px; padding:.5rem .75rem; overflow-x:auto; white-space:pre-wrap; overflow-wrap:anywhere; }
@media (min-width: 48rem) { .set-dl { grid-template-columns:minmax(10rem,1fr) minmax(0,3fr); } .set-dl dd { margin:0; } }
/*
 * Inbox on a phone (src/admin/inbox): the status and actions bar under the title (hand-over and close
 * open in place, without scripts), the reply and the internal notes in boxes that cannot be mistaken for
 * each other, downloads and the queue card's name as full 44 px targets.
 */
.inbox-bar { border:1px solid var(--line); border-radius:6px; padding:.5rem .75rem .75rem; margin:0 0 1rem; background:var(--soft); }
.inbox-bar-status { margin:0; }
.inbox-state { font-weight:600; }
.inbox-state-waiting { background:#fff4e0; border-color:var(--warn); }
.inbox-state-active { background:#e8f0fb; border-color:var(--accent); }
.inbox-state-closed { background:#eaf6ec; border-color:var(--ok); }
.inbox-bar-hint { margin:.25rem 0 0; font-size:.9rem; }
/* Two equal columns on a phone (Ambil | Balas, Alihkan | Selesai), one row on a wide screen. */
.inbox-bar-actions { position:relative; display:grid; grid-template-columns:repeat(auto-fit, minmax(7.5rem, 1fr)); gap:.5rem; max-width:36rem; margin:.5rem 0 0; }
.inbox-bar-actions > form { margin:0; }
.inbox-bar-actions button, .inbox-bar-actions .button { width:100%; display:inline-flex; align-items:center; justify-content:center; gap:.35rem; padding:.55rem .5rem; }
.inbox-bar-more > summary { list-style:none; }
.inbox-bar-more > summary::-webkit-details-marker { display:none; }
.inbox-bar-more > summary::after { content:"▾" / ""; }
.inbox-bar-more[open] > summary { background:var(--accent); color:var(--accent-fg); }
.inbox-bar-more[open] > summary::after { content:"▴" / ""; }
/* The opened panel lies over what follows, right under the buttons, so its button stays on the first screen. */
.inbox-bar-panel { position:absolute; left:0; right:0; top:calc(100% + .25rem); z-index:5; background:#fff; border:1px solid var(--line); border-radius:6px; padding:.25rem .75rem; box-shadow:0 4px 12px rgba(0,0,0,.2); }
.inbox-bar-panel > p:first-of-type { margin:.5rem 0 0; }
.inbox-bar-panel button { width:auto; padding:.55rem 1rem; }
.inbox-reply-box { border:1px solid #b5cbe8; border-radius:6px; padding:0 .75rem .25rem; background:#f6f9fd; margin:1rem 0; scroll-margin-top:.5rem; }
.inbox-reply-box > h2 { margin-top:.75rem; }
.inbox-notes { border:2px dashed var(--warn); border-radius:6px; padding:0 .75rem .5rem; background:#fffaf0; margin:1rem 0; }
.inbox-notes > h2 { margin-top:.75rem; }
.inbox-notes-hint { font-weight:600; color:var(--warn); margin:.25rem 0 .5rem; }
.inbox-download { margin:0; }
.inbox-download a, .inbox-canned-empty a { display:inline-flex; align-items:center; min-height:44px; }
.inbox-apps th[scope=row] a { white-space:nowrap; }
@media (max-width: 40rem) {
  table.inbox-queue th[scope=row] > a:first-child { display:flex; width:100%; }
  table.inbox-queue td.inbox-wide { display:none; }
  table.inbox-queue tr { padding:.125rem .75rem .375rem; margin:0 0 .5rem; }
}
.inbox-who { display:block; font-size:.9rem; font-weight:400; }
.inbox-preview { display:block; font-weight:400; font-size:.95rem; overflow:hidden; text-overflow:ellipsis; white-space:nowrap; max-width:32rem; }
.inbox-again { font-weight:600; }
`;
