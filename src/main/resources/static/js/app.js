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
