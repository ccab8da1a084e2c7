// Sends the CSRF token with every htmx request, so partial updates work with Spring Security's protection on.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// "Show password" (OWASP ASVS 2.1.12): the checkbox names the password fields it shows as text while ticked.
document.addEventListener('change', function (event) {
  var names = event.target.getAttribute && event.target.getAttribute('data-show-password');
  if (!names) {
    return;
  }
  names.split(' ').forEach(function (id) {
    var field = document.getElementById(id);
    if (field) {
      field.type = event.target.checked ? 'text' : 'password';
    }
  });
});

// An import's commit button says how many children it writes: the accepted rows and each likely duplicate the officer
// chose to add or merge (issue 17 §6).
document.addEventListener('change', function (event) {
  var form = event.target.closest && event.target.closest('form[data-commit-count]');
  if (!form || event.target.tagName !== 'SELECT') {
    return;
  }
  var count = parseInt(form.getAttribute('data-commit-count'), 10);
  form.querySelectorAll('select[name^="row-"]').forEach(function (decision) {
    if (decision.value === 'KEEP' || decision.value === 'MERGE') {
      count++;
    }
  });
  var locale = document.documentElement.lang === 'en' ? 'en-US' : 'vi-VN';
  var button = form.querySelector('button[type=submit]');
  button.textContent = form.getAttribute('data-commit-label').replace('{n}', count.toLocaleString(locale));
});

// The child picker (templates/children/picker.html): asks /children/picker as the officer types, lists the children
// found with their date of birth, village and commune, and puts the chosen child's id in the form.
(function () {
  var timers = new WeakMap();
  function search(picker) {
    var name = picker.querySelector('[data-picker-name]').value.trim();
    var born = picker.querySelector('[data-picker-born]').value.trim();
    var list = picker.querySelector('.picker-results');
    picker.querySelector('[data-picker-value]').value = '';
    if (name.length < 2 && born.length < 10) {
      list.hidden = true;
      return;
    }
    var url = picker.getAttribute('data-source') + '?q=' + encodeURIComponent(name) + '&born=' + encodeURIComponent(born);
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (children) {
        list.replaceChildren();
        if (children.length === 0) {
          var none = document.createElement('li');
          none.textContent = picker.getAttribute('data-none');
          list.appendChild(none);
        }
        children.forEach(function (child) {
          var item = document.createElement('li');
          var choose = document.createElement('button');
          choose.type = 'button';
          choose.setAttribute('role', 'option');
          choose.textContent = child.label;
          choose.addEventListener('click', function () {
            picker.querySelector('[data-picker-value]').value = child.id;
            picker.querySelector('[data-picker-name]').value = child.label;
            list.hidden = true;
            picker.querySelector('[data-picker-name]').setAttribute('aria-expanded', 'false');
          });
          item.appendChild(choose);
          list.appendChild(item);
        });
        list.hidden = false;
        picker.querySelector('[data-picker-name]').setAttribute('aria-expanded', 'true');
      });
  }
  document.addEventListener('input', function (event) {
    var picker = event.target.closest && event.target.closest('[data-child-picker]');
    if (!picker) {
      return;
    }
    clearTimeout(timers.get(picker));
    timers.set(picker, setTimeout(function () { search(picker); }, 300));
  });
})();

// A refused form's error summary takes the focus, so that a screen reader reads it at once and the keyboard starts
// there (decision 0013); the page's title says there are errors, as the GOV.UK pattern does.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('[data-error-summary]');
  if (!summary) {
    return;
  }
  var prefix = summary.getAttribute('data-title-prefix');
  if (prefix && document.title.indexOf(prefix) !== 0) {
    document.title = prefix + ' ' + document.title;
  }
  summary.focus();
});

// On a phone the menu folds behind its button (app.css); without script there is no button and the menu stays open.
document.addEventListener('DOMContentLoaded', function () {
  var toggle = document.querySelector('.menu-toggle');
  var header = document.querySelector('.topbar');
  if (!toggle || !header) {
    return;
  }
  header.classList.add('menu-collapsible');
  toggle.addEventListener('click', function () {
    var open = header.classList.toggle('menu-open');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
});
