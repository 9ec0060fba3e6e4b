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
header.top { background:#0d2b4e; color:#fff; padding:.5rem 1rem; display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; }
header.top a, header.top button { color:#fff; }
header.top .brand { font-weight:700; margin-right:auto; }
nav.main ul { list-style:none; display:flex; flex-wrap:wrap; gap:.25rem; margin:0; padding:0; }
nav.main a { display:inline-block; padding:.4rem .6rem; border-radius:4px; text-decoration:none; }
nav.main a[aria-current="page"] { background:#fff; color:#0d2b4e; font-weight:600; }
main { padding:1rem; max-width:72rem; margin:0 auto; }
h1 { font-size:1.5rem; margin:.5rem 0 1rem; }
h2 { font-size:1.2rem; margin:1.25rem 0 .5rem; }
label { display:block; font-weight:600; margin:.75rem 0 .25rem; }
input, select, textarea { font:inherit; width:100%; padding:.5rem; border:1px solid #767676; border-radius:4px; background:#fff; color:var(--fg); }
input[type=checkbox], input[type=radio] { width:auto; }
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
.tabs { display:flex; flex-wrap:wrap; gap:.25rem; margin:0 0 1rem; padding:0; list-style:none; border-bottom:1px solid var(--line); }
.tabs a { display:inline-block; padding:.5rem .75rem; text-decoration:none; border:1px solid transparent; border-bottom:none; border-radius:4px 4px 0 0; }
.tabs a[aria-current="page"] { border-color:var(--line); background:#fff; font-weight:600; margin-bottom:-1px; }
.card { border:1px solid var(--line); border-radius:6px; padding:1rem; margin:.75rem 0; }
.login { max-width:24rem; margin:2rem auto; }
progress { width:100%; height:1.25rem; }
.sr-only { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
@media (min-width: 48rem) { main { padding:1.5rem; } }
`;
