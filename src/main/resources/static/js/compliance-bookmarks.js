// The recording page's ART-06.0 panel: "取当前播放时间" copies the player's position into the time field as m:ss,
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
