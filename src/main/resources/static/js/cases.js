// The new-case form's party rows: 添加当事人 copies the row template, 删除 removes a row; the rows are then numbered
// again (parties[0], parties[1], ...) so that what is posted, and the refusals that name a row, follow the page.
(function () {
	var rows = document.getElementById('party-rows');
	var template = document.getElementById('party-template');
	var add = document.getElementById('add-party');
	if (!rows || !template || !add) {
		return;
	}
	function renumber() {
		var all = rows.querySelectorAll('.party-row');
		Array.prototype.forEach.call(all, function (row, i) {
			Array.prototype.forEach.call(row.querySelectorAll('[name],[id],[for]'), function (el) {
				['name', 'id', 'for'].forEach(function (attr) {
					var value = el.getAttribute(attr);
					if (value) {
						el.setAttribute(attr, value.replace(/parties\[(\d+|NEW)\]/, 'parties[' + i + ']')
							.replace(/-(\d+|NEW)$/, '-' + i));
					}
				});
			});
			var remove = row.querySelector('.remove-party');
			if (remove) {
				remove.hidden = all.length < 2;
			}
		});
	}
	add.addEventListener('click', function () {
		rows.appendChild(template.content.cloneNode(true));
		renumber();
		var inputs = rows.querySelectorAll('.party-row:last-child .party-name');
		if (inputs.length) {
			inputs[0].focus();
		}
	});
	rows.addEventListener('click', function (event) {
		var remove = event.target.closest && event.target.closest('.remove-party');
		if (remove) {
			remove.closest('.party-row').remove();
			renumber();
		}
	});
	renumber();
})();
