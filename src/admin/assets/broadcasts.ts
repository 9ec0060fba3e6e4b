/**
 * The broadcast composer's behaviour (part of /admin/assets/admin.js). Without it the form still works:
 * "Hitung penerima" posts the form and the count comes back with it.
 *
 * - `form[data-audience-count="URL"]`: when a control inside a `[data-audience]` element changes, the
 *   filter values (only those) are sent as a GET query to URL, debounced; the answer (an HTML fragment)
 *   goes into the element named by `data-count-target`, which is aria-live="polite".
 * - `input[data-picker="id"]`: typing filters the `.bc-pick` items of the region list #id.
 * - `textarea[data-char-count="id"]`: the element #id shows "{used} / max" from its `data-template`.
 */
export const BROADCASTS_SCRIPT = `
(function () {
  document.querySelectorAll('form[data-audience-count]').forEach(function (form) {
    var url = form.getAttribute('data-audience-count');
    var out = document.getElementById(form.getAttribute('data-count-target'));
    if (!url || !out) return;
    var timer = null;
    var latest = 0;
    function filterControl(el) { return el && el.name && el.closest && el.closest('[data-audience]'); }
    function query() {
      var params = new URLSearchParams();
      form.querySelectorAll('[data-audience] [name]').forEach(function (el) {
        if (el.disabled) return;
        if (el.tagName === 'SELECT') {
          Array.prototype.forEach.call(el.options, function (o) { if (o.selected && o.value) params.append(el.name, o.value); });
        } else if (el.type === 'checkbox' || el.type === 'radio') {
          if (el.checked) params.append(el.name, el.value);
        } else if (el.value) {
          params.append(el.name, el.value);
        }
      });
      return params.toString();
    }
    function update() {
      var mine = ++latest;
      out.setAttribute('aria-busy', 'true');
      fetch(url + '?' + query(), { headers: { 'x-requested-with': 'fetch' }, credentials: 'same-origin' })
        .then(function (res) {
          if (res.status === 401) { location.reload(); return null; }
          return res.text();
        })
        .then(function (html) {
          // An older answer arriving late never replaces a newer one.
          if (html === null || mine !== latest) return;
          out.innerHTML = html;
          out.removeAttribute('aria-busy');
        })
        .catch(function () { out.removeAttribute('aria-busy'); });
    }
    function later(event) {
      if (!filterControl(event.target)) return;
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    }
    form.addEventListener('input', later);
    form.addEventListener('change', later);
    update();
  });
  // Region pickers: typing narrows the list (ticked regions stay); Enter never submits the form.
  document.querySelectorAll('input[data-picker]').forEach(function (box) {
    var list = document.getElementById(box.getAttribute('data-picker'));
    if (!list) return;
    box.addEventListener('keydown', function (event) { if (event.key === 'Enter') event.preventDefault(); });
    box.addEventListener('input', function () {
      var q = box.value.trim().toLowerCase();
      list.querySelectorAll('.bc-pick').forEach(function (item) {
        var tick = item.querySelector('input');
        item.hidden = q !== '' && !(tick && tick.checked) && item.textContent.toLowerCase().indexOf(q) < 0;
      });
      list.querySelectorAll('.bc-picker-group').forEach(function (group) {
        group.hidden = !group.querySelector('.bc-pick:not([hidden])');
      });
    });
  });
  document.querySelectorAll('textarea[data-char-count]').forEach(function (area) {
    var out = document.getElementById(area.getAttribute('data-char-count'));
    if (!out) return;
    var template = out.getAttribute('data-template') || '{used}';
    function show() { out.textContent = template.replace('{used}', String(area.value.length)); }
    area.addEventListener('input', show);
    show();
  });
})();
`;
