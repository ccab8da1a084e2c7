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
