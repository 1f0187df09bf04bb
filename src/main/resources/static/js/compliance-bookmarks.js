// The recording page's ART-06.0 panel and the marks it puts on the player's seek bar: "取当前播放时间" copies the player's position into the time field as m:ss,
// and marking with neither a time nor a reason takes the player's position. Optional: typing m:ss works without it.
// Kept out of the page because the Content-Security-Policy allows no inline script; the panel is loaded by htmx,
// so the listeners sit on the document.
(function () {
	function position() {
		var player = document.querySelector('video.recording-media, audio.recording-media');
		if (!player || isNaN(player.currentTime)) {
			return null;
		}
		var seconds = Math.floor(player.currentTime);
		var h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
		var ss = (s < 10 ? '0' : '') + s;
		return h > 0 ? h + ':' + (m < 10 ? '0' : '') + m + ':' + ss : m + ':' + ss;
	}

	// The seek bar's marks (ART-06.0): a mark plays from its bookmark, a click on the bar from where it was clicked.
	document.addEventListener('click', function (event) {
		var player = document.querySelector('video.recording-media, audio.recording-media');
		var mark = event.target.closest && event.target.closest('.seek-mark');
		if (mark && player) {
			player.currentTime = parseFloat(mark.getAttribute('data-seconds'));
			return;
		}
		var track = event.target.closest && event.target.closest('.seek-track');
		if (track && player && isFinite(player.duration) && player.duration > 0) {
			var box = track.getBoundingClientRect();
			player.currentTime = Math.max(0, Math.min(1, (event.clientX - box.left) / box.width)) * player.duration;
		}
	});

	// Marks the server could not place (the recording's length unknown to it) are placed once the player knows it;
	// the played part of the bar follows the player. Media events do not bubble, so they are heard while capturing.
	function follow() {
		var player = document.querySelector('video.recording-media, audio.recording-media');
		var bar = document.getElementById('seek-marks');
		if (!player || !bar || !isFinite(player.duration) || player.duration <= 0) {
			return;
		}
		Array.prototype.forEach.call(bar.querySelectorAll('.seek-mark'), function (m) {
			if (!m.style.left) {
				var at = parseFloat(m.getAttribute('data-seconds')) / player.duration;
				m.style.left = (Math.max(0, Math.min(1, at)) * 100) + '%';
			}
		});
		var played = bar.querySelector('.seek-played');
		if (played) {
			played.style.width = (Math.min(1, player.currentTime / player.duration) * 100) + '%';
		}
	}
	['loadedmetadata', 'timeupdate', 'seeked'].forEach(function (name) {
		document.addEventListener(name, follow, true);
	});
	document.addEventListener('htmx:afterSettle', follow);

	document.addEventListener('click', function (event) {
		if (event.target && event.target.id === 'bookmark-now') {
			var at = position();
			if (at !== null) {
				document.getElementById('bookmark-offset').value = at;
			}
		}
	});

	// capture phase: runs before htmx reads the form's values
	document.addEventListener('submit', function (event) {
		var form = event.target;
		if (!form || form.id !== 'bookmark-form') {
			return;
		}
		var offset = form.querySelector('#bookmark-offset');
		var attestation = form.querySelector('#bookmark-attestation');
		if (offset.value.trim() === '' && attestation.value.trim() === '') {
			var at = position();
			if (at !== null) {
				offset.value = at;
			}
		}
	}, true);
})();
