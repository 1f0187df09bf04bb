// Asks before submitting a form that cannot be undone (data-confirm="question"); kept out of the page
// because the Content-Security-Policy allows no inline script.
document.addEventListener('submit', function (event) {
	var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
	if (question && !window.confirm(question)) {
		event.preventDefault();
	}
}, true);
