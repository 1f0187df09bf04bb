// The recording pages' scripts: the case picker's choice and the upload page's streamed uploads. Kept out of the
// pages because the Content-Security-Policy allows no inline script.
(function () {
	'use strict';

	// A case chosen from the picker's matches: its full number goes into the case-number input, so what the user
	// sees is what was chosen. (Set on the click, not when the answer arrives, so a slower answer to earlier typing
	// can never overwrite what the user has typed since.)
	document.addEventListener('click', function (event) {
		var button = event.target.closest && event.target.closest('.choose-case');
		var input = document.getElementById('caseNumber');
		if (button && input) {
			input.value = button.getAttribute('data-case-number');
		}
	});

	var form = document.getElementById('upload-form');
	if (!form) {
		return;
	}
	form.addEventListener('submit', function (event) {
		event.preventDefault();
		start();
	});

	function start() {
		var input = document.getElementById('files');
		var files = Array.prototype.slice.call(input.files);
		var results = document.getElementById('upload-results');
		if (files.length === 0) {
			input.classList.add('is-invalid');
			results.appendChild(text('li', 'list-group-item list-group-item-warning', message('choose')));
			return;
		}
		input.classList.remove('is-invalid');
		var description = metadata();
		var button = document.getElementById('start-upload');
		button.disabled = true;
		check(description).then(function (refusal) {
			if (refusal) {
				button.disabled = false;
				return null;
			}
			var rows = files.map(function (file) {
				return row(results, file);
			});
			// One after another: the files share one link, and each is stored (and shown stored) sooner than if
			// all crawled up together.
			return files.reduce(function (previous, file, i) {
				return previous.then(function () {
					return send(file, description, rows[i]);
				});
			}, Promise.resolve()).then(function () {
				button.disabled = false;
				input.value = '';
			});
		});
	}

	// The description is checked once before any file is sent, and a refusal is shown beside the field it names:
	// a refusal that came while a large file was still on its way might reach the browser only as a broken link.
	// Answers the refusal, or null when the description is fine (or could not be checked: each upload checks it
	// again anyway).
	function check(description) {
		clearRefusal();
		var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
		var token = csrf();
		if (token) {
			headers[token.header] = token.value;
		}
		return fetch(form.getAttribute('data-check'), {
			method: 'POST', headers: headers, body: JSON.stringify(description), credentials: 'same-origin'
		}).then(function (response) {
			if (response.ok || (response.headers.get('Content-Type') || '').indexOf('json') < 0) {
				return null;
			}
			return response.json().then(function (problem) {
				showRefusal(problem);
				return problem;
			});
		}, function () {
			return null;
		});
	}

	function showRefusal(problem) {
		var field = problem.field && document.getElementById(problem.field);
		if (field && field.closest('#upload-form')) {
			field.classList.add('is-invalid');
			var feedback = text('div', 'invalid-feedback d-block upload-refusal', problem.detail || '');
			feedback.id = problem.field + '-error';
			field.insertAdjacentElement('afterend', feedback);
		}
		else {
			var alert = text('div', 'alert alert-danger mt-3 upload-refusal', problem.detail || '');
			alert.id = 'form-error';
			alert.setAttribute('role', 'alert');
			document.getElementById('start-upload').insertAdjacentElement('beforebegin', alert);
		}
	}

	function clearRefusal() {
		Array.prototype.forEach.call(form.querySelectorAll('.upload-refusal'), function (old) {
			old.remove();
		});
		Array.prototype.forEach.call(form.querySelectorAll('.is-invalid'), function (field) {
			field.classList.remove('is-invalid');
		});
	}

	function csrf() {
		var token = document.querySelector('meta[name="_csrf"]');
		var header = document.querySelector('meta[name="_csrf_header"]');
		return token && header ? { header: header.getAttribute('content'), value: token.getAttribute('content') } : null;
	}

	// The same description for every file of this batch, as the upload route reads it (times without a zone are
	// the bureau's local time).
	function metadata() {
		var caseId = form.querySelector('input[name="caseId"]');
		return {
			recordedBy: value('recordedBy'),
			deviceSerial: value('deviceSerial'),
			caseId: caseId && caseId.value ? caseId.value : null,
			stageIds: Array.prototype.map.call(form.querySelectorAll('input[name="stageIds"]:checked'), function (box) {
				return box.value;
			}),
			startedAt: value('startedAt'),
			endedAt: value('endedAt')
		};
	}

	function value(id) {
		var element = document.getElementById(id);
		var v = element ? element.value.trim() : '';
		return v === '' ? null : v;
	}

	// The file goes up as the body of one multipart request, metadata part first, so the server checks the
	// description before reading the file, and streams the file through its digests without holding it. The
	// browser reads the file from disk as it sends it.
	function send(file, description, row) {
		return new Promise(function (resolve) {
			var body = new FormData();
			body.append('metadata', new Blob([JSON.stringify(description)], { type: 'application/json' }));
			body.append('file', file, file.name);
			var xhr = new XMLHttpRequest();
			xhr.open('POST', form.action);
			xhr.setRequestHeader('Accept', 'application/json');
			var token = csrf();
			if (token) {
				xhr.setRequestHeader(token.header, token.value);
			}
			xhr.upload.onprogress = function (event) {
				if (event.lengthComputable && event.total > 0) {
					progress(row, Math.floor(event.loaded * 100 / event.total));
				}
			};
			xhr.upload.onload = function () {
				progress(row, 100);
			};
			xhr.onload = function () {
				outcome(row, xhr);
				resolve();
			};
			xhr.onerror = xhr.onabort = function () {
				settle(row, 'failed', 'list-group-item-danger', [text('span', '', message('network'))]);
				resolve();
			};
			xhr.send(body);
		});
	}

	function outcome(row, xhr) {
		var answer = json(xhr);
		if ((xhr.status === 201 || xhr.status === 200) && answer && answer.sha256) {
			var already = xhr.status === 200;
			progress(row, 100);
			var link = text('a', 'ms-2 upload-open', message('open'));
			link.href = xhr.getResponseHeader('Location') || ('/recordings/' + answer.id);
			settle(row, already ? 'already' : 'stored', already ? 'list-group-item-info' : 'list-group-item-success', [
				text('span', 'me-2', message(already ? 'already' : 'stored')),
				text('span', 'text-secondary me-1', 'SHA-256'),
				text('code', 'upload-sha256 text-break', answer.sha256),
				link
			]);
		}
		else if (signedOut(xhr)) {
			settle(row, 'failed', 'list-group-item-danger', [text('span', '', message('signedOut'))]);
		}
		else if (answer && answer.detail) {
			settle(row, 'refused', 'list-group-item-danger', [
				text('span', 'me-1', message('refused')),
				text('span', 'upload-reason', answer.detail)
			]);
		}
		else {
			settle(row, 'failed', 'list-group-item-danger',
				[text('span', '', message('failed').replace('{0}', String(xhr.status)))]);
		}
	}

	// An ended session answers with the sign-in page (after a redirect), or refuses the then unknown CSRF token
	// with the error page, rather than with JSON. (Whoever lacks the roles never gets the upload page.)
	function signedOut(xhr) {
		if ((xhr.status === 401 || xhr.status === 403) && json(xhr) === null) {
			return true;
		}
		try {
			return /\/login$/.test(new URL(xhr.responseURL).pathname);
		}
		catch (e) {
			return false;
		}
	}

	function json(xhr) {
		var type = xhr.getResponseHeader('Content-Type') || '';
		if (type.indexOf('json') < 0) {
			return null;
		}
		try {
			return JSON.parse(xhr.responseText);
		}
		catch (e) {
			return null;
		}
	}

	function row(results, file) {
		var li = text('li', 'list-group-item upload-item', '');
		li.setAttribute('data-file', file.name);
		var head = text('div', 'd-flex justify-content-between gap-2', '');
		head.appendChild(text('span', 'upload-name text-break', file.name));
		head.appendChild(text('span', 'text-secondary small text-nowrap', size(file.size)));
		var bar = text('div', 'progress my-1', '');
		bar.setAttribute('role', 'progressbar');
		bar.setAttribute('aria-valuemin', '0');
		bar.setAttribute('aria-valuemax', '100');
		bar.setAttribute('aria-label', file.name);
		var fill = text('div', 'progress-bar progress-bar-striped progress-bar-animated', '0%');
		bar.appendChild(fill);
		var result = text('div', 'upload-outcome small', '');
		li.appendChild(head);
		li.appendChild(bar);
		li.appendChild(result);
		results.appendChild(li);
		var r = { item: li, bar: bar, fill: fill, result: result };
		progress(r, 0);
		return r;
	}

	function progress(row, percent) {
		var p = Math.max(0, Math.min(100, percent));
		row.bar.setAttribute('aria-valuenow', String(p));
		row.fill.style.width = p + '%';
		row.fill.textContent = p + '%';
	}

	function settle(row, outcomeName, style, parts) {
		row.item.setAttribute('data-outcome', outcomeName);
		row.item.classList.add(style);
		row.fill.classList.remove('progress-bar-animated', 'progress-bar-striped');
		if (outcomeName !== 'stored' && outcomeName !== 'already') {
			row.fill.classList.add('bg-danger');
		}
		parts.forEach(function (part) {
			row.result.appendChild(part);
		});
	}

	function text(tag, className, content) {
		var element = document.createElement(tag);
		if (className) {
			element.className = className;
		}
		element.textContent = content;
		return element;
	}

	function message(name) {
		return form.getAttribute('data-msg-' + name.replace(/[A-Z]/g, function (c) {
			return '-' + c.toLowerCase();
		})) || '';
	}

	function size(bytes) {
		if (bytes < 1024) {
			return bytes + ' B';
		}
		if (bytes < 1048576) {
			return (bytes / 1024).toFixed(1) + ' KB';
		}
		if (bytes < 1073741824) {
			return (bytes / 1048576).toFixed(1) + ' MB';
		}
		return (bytes / 1073741824).toFixed(2) + ' GB';
	}
})();
