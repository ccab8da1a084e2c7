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
