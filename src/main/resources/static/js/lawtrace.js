// Asks before submitting a form that cannot be undone (data-confirm="question"); kept out of the page
// because the Content-Security-Policy allows no inline script.
document.addEventListener('submit', function (event) {
	var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
	if (question && !window.confirm(question)) {
		event.preventDefault();
	}
}, true);

// The menu button of the header on phones: opens and folds the navigation (Bootstrap's CSS shows it from 768 px).
document.addEventListener('click', function (event) {
	var toggle = event.target.closest && event.target.closest('#nav-toggle');
	if (!toggle) {
		return;
	}
	var nav = document.getElementById(toggle.getAttribute('aria-controls'));
	var open = nav.classList.toggle('show');
	toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
});

// Tables become lists of cards on phones (lawtrace.css, under 576 px): each cell is labelled with its column's
// heading, copied here from the table's head, for every table of the page and of what htmx swaps in later.
function labelTableCells(root) {
	var tables = root.querySelectorAll ? root.querySelectorAll('table') : [];
	if (root.tagName === 'TABLE') {
		tables = [root];
	}
	Array.prototype.forEach.call(tables, function (table) {
		if (table.classList.contains('table-keep') || !table.tHead) {
			return;
		}
		var headings = [];
		Array.prototype.forEach.call(table.tHead.rows[0] ? table.tHead.rows[0].cells : [], function (th) {
			for (var i = 0; i < (th.colSpan || 1); i++) {
				headings.push(th.textContent.trim());
			}
		});
		Array.prototype.forEach.call(table.tBodies, function (body) {
			Array.prototype.forEach.call(body.rows, function (row) {
				var column = 0;
				Array.prototype.forEach.call(row.cells, function (cell) {
					var heading = headings[column];
					if (heading && cell.colSpan === 1 && !cell.hasAttribute('data-label')) {
						cell.setAttribute('data-label', heading);
					}
					column += cell.colSpan || 1;
				});
			});
		});
		table.classList.add('table-cards');
	});
}

document.addEventListener('DOMContentLoaded', function () {
	labelTableCells(document);
});
document.addEventListener('htmx:load', function (event) {
	labelTableCells(event.target);
});
