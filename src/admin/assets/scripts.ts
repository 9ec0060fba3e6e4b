/**
 * The dashboard's behaviour, served from /admin/assets/admin.js. Pages work without it (forms post and
 * redirect); it adds live updates. Each feature adds its part to SCRIPTS (src/admin/assets/index.ts).
 *
 * - `data-poll="URL"` (+ `data-poll-ms`): the element's content is replaced by the HTML fragment at URL
 *   every few seconds (new messages, queue counts, progress bars). A fragment answering 286 stops it.
 *   An element with `data-title` in the fragment sets the tab's title (the inbox's waiting count).
 * - `select[data-fill="#id"]`: choosing an option copies its `data-text` into the textarea #id.
 * - `form[data-confirm]`: asks before submitting.
 * - `button[data-copy="#id"]` (hidden until this runs): copies the text of #id, then shows `data-done`.
 */
export const CORE_SCRIPT = `
(function () {
  function poll(el) {
    var url = el.getAttribute('data-poll');
    var ms = Number(el.getAttribute('data-poll-ms') || 3000);
    var timer = setInterval(function () {
      fetch(url, { headers: { 'x-requested-with': 'fetch' }, credentials: 'same-origin' })
        .then(function (res) {
          if (res.status === 286) clearInterval(timer);
          if (res.status === 401) { clearInterval(timer); location.reload(); }
          return res.ok || res.status === 286 ? res.text() : null;
        })
        .then(function (html) {
          // Compared with the last answer too: the browser's serialisation of the same markup may differ
          // from the server's (quotes, entities), which would otherwise redraw the list every poll.
          if (html === null || html === el.innerHTML || html === el.jmbLast) return;
          el.jmbLast = html;
          var atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - 8;
          el.innerHTML = html;
          if (el.hasAttribute('data-stick-bottom') && atBottom) el.scrollTop = el.scrollHeight;
          var titled = el.querySelector('[data-title]');
          if (titled) document.title = titled.getAttribute('data-title');
          el.dispatchEvent(new CustomEvent('jmb:updated', { bubbles: true }));
        })
        .catch(function () {});
    }, ms);
  }
  document.querySelectorAll('[data-poll]').forEach(poll);
  document.querySelectorAll('[data-stick-bottom]').forEach(function (el) { el.scrollTop = el.scrollHeight; });
  document.querySelectorAll('select[data-fill]').forEach(function (select) {
    select.addEventListener('change', function () {
      var option = select.options[select.selectedIndex];
      var target = document.querySelector(select.getAttribute('data-fill'));
      if (target && option && option.getAttribute('data-text')) { target.value = option.getAttribute('data-text'); target.focus(); }
    });
  });
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var source = document.querySelector(button.getAttribute('data-copy'));
      if (!source) return;
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = button.getAttribute('data-done') || button.textContent;
      }).catch(function () {});
    });
  });
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!confirm(form.getAttribute('data-confirm'))) event.preventDefault();
    });
  });
})();
`;
