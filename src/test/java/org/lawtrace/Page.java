package org.lawtrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A server-rendered page or htmx fragment as the browser reads it (jsoup): the page tests name the element that must
 * hold a text (a heading, a table cell, a flash message, a form field, a link) instead of looking for a substring
 * anywhere in the HTML. What must not be shown is checked in the page's visible text and in its source.
 */
public final class Page {

	private final String source;
	private final Document document;

	private Page(String source, Document document) {
		this.source = source;
		this.document = document;
	}

	/** A whole page: it has its doctype and the layout's head. */
	public static Page of(String html) {
		var source = html == null ? "" : html;
		var page = new Page(source, Jsoup.parse(source));
		assertThat(page.document.documentType()).as("a whole page has its doctype").isNotNull();
		assertThat(page.document.select("head > meta")).as("a whole page has the layout's head").isNotEmpty();
		page.speaksAsStaffDo();
		return page;
	}

	/** What htmx swaps in: no doctype, no head, just the body's elements. */
	public static Page fragment(String html) {
		var source = html == null ? "" : html;
		var page = new Page(source, Jsoup.parseBodyFragment(source));
		assertThat(source).as("a fragment is not a whole page").doesNotContainIgnoringCase("<html")
			.doesNotContainIgnoringCase("<!DOCTYPE");
		page.speaksAsStaffDo();
		return page;
	}

	/** The HTML as it came. */
	public String source() {
		return source;
	}

	/** The text a reader sees on the page, whitespace normalised. */
	public String text() {
		return document.text();
	}

	public Document document() {
		return document;
	}

	/** The fragment's only top-level element. */
	public Element root() {
		var top = document.body().children();
		assertThat(top).as("a fragment with one top-level element:%n%s", excerpt()).hasSize(1);
		return top.first();
	}

	/** Every element the CSS selector matches. */
	public Elements all(String css) {
		return document.select(css);
	}

	/** The one element the CSS selector matches; fails when there is none or more than one. */
	public Element one(String css) {
		var found = document.select(css);
		assertThat(found).as("exactly one '%s' in:%n%s", css, excerpt()).hasSize(1);
		return found.first();
	}

	/** Whether the CSS selector matches anything. */
	public boolean has(String css) {
		return !document.select(css).isEmpty();
	}

	/** Asserts that the CSS selector matches nothing. */
	public Page none(String css) {
		assertThat(document.select(css)).as("no '%s' on the page", css).isEmpty();
		return this;
	}

	/** The visible text of the one element the selector matches. */
	public String text(String css) {
		return one(css).text();
	}

	/** The one element with this id (ids with characters CSS would need escaped are fine). */
	public Element id(String id) {
		var found = document.getElementById(id);
		assertThat(found).as("an element with id '%s' in:%n%s", id, excerpt()).isNotNull();
		return found;
	}

	/** Asserts that no element has this id, and that the id appears nowhere in the source. */
	public Page noId(String id) {
		assertThat(document.getElementById(id)).as("no element with id '%s'", id).isNull();
		assertThat(source).as("the source never mentions '%s'", id).doesNotContain(id);
		return this;
	}

	/** Asserts that no element has this class, and that the class name appears nowhere in the source. */
	public Page noClass(String className) {
		none("." + className);
		assertThat(source).as("the source never mentions '%s'", className).doesNotContain(className);
		return this;
	}

	/** The one form field (input, select, textarea, button) with this name and value. */
	public Element field(String name, String value) {
		var found = document.select("input, select, textarea, button").stream()
			.filter(e -> e.attr("name").equals(name) && e.val().equals(value)).toList();
		assertThat(found).as("exactly one field '%s' with value '%s' in:%n%s", name, value, excerpt()).hasSize(1);
		return found.get(0);
	}

	/** The form fields with this name. */
	public List<Element> fields(String name) {
		return document.select("input, select, textarea, button").stream().filter(e -> e.attr("name").equals(name))
			.toList();
	}

	/** The links (a[href]) whose href is exactly this. */
	public List<Element> links(String href) {
		return document.select("a[href]").stream().filter(a -> a.attr("href").equals(href)).toList();
	}

	/** The first link whose href is exactly this; fails when there is none. */
	public Element link(String href) {
		var found = links(href);
		assertThat(found).as("a link to '%s' in:%n%s", href, excerpt()).isNotEmpty();
		return found.get(0);
	}

	/** The elements whose attribute has exactly this value (any value, quotes and brackets included). */
	public List<Element> withAttribute(String attribute, String value) {
		return document.getElementsByAttributeValue(attribute, value);
	}

	/** The one element whose attribute has exactly this value. */
	public Element oneWithAttribute(String attribute, String value) {
		var found = withAttribute(attribute, value);
		assertThat(found).as("exactly one element with %s=\"%s\" in:%n%s", attribute, value, excerpt()).hasSize(1);
		return found.get(0);
	}

	/** The page's CSRF token, from the layout's meta tag that scripts read. */
	public String csrfToken() {
		var token = one("meta[name=_csrf]").attr("content");
		assertThat(token).as("the CSRF token").isNotBlank();
		return token;
	}

	/** Asserts that the reader sees none of these texts, and that the source does not carry them either. */
	public Page lacks(String... texts) {
		for (var text : texts) {
			assertThat(text()).as("the visible text").doesNotContain(text);
			assertThat(source).as("the source").doesNotContain(text);
		}
		return this;
	}

	/**
	 * A typed body's fields by name, in declaration order, leaving out those that are null: what a JSON part or a
	 * form built from the record carries.
	 */
	public static Map<String, Object> fieldsOf(Record body) {
		var fields = new LinkedHashMap<String, Object>();
		for (var component : body.getClass().getRecordComponents()) {
			try {
				var accessor = component.getAccessor();
				accessor.setAccessible(true);
				var value = accessor.invoke(body);
				if (value != null) {
					fields.put(component.getName(), value);
				}
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
		}
		return fields;
	}

	/** A typed form as a browser posts it: one value per field, a collection's elements as repeated fields. */
	public static MultiValueMap<String, String> formOf(Record body) {
		var form = new LinkedMultiValueMap<String, String>();
		fieldsOf(body).forEach((name, value) -> {
			if (value instanceof Collection<?> values) {
				values.forEach(v -> form.add(name, String.valueOf(v)));
			}
			else {
				form.add(name, String.valueOf(value));
			}
		});
		return form;
	}

	/**
	 * The brief's rule for every page and fragment: pages speak as bureau staff do, so what a reader sees (the text,
	 * and the title, alt, placeholder and label attributes) names no login name, no UUID, no article code (ART-06)
	 * and no enum constant of the application, and no HTML comment sent to the browser carries an article code.
	 */
	private void speaksAsStaffDo() {
		var comments = new java.util.ArrayList<String>();
		document.traverse((node, depth) -> {
			if (node instanceof Comment comment && PageLanguage.hasArticleCode(comment.getData())) {
				comments.add(comment.getData());
			}
		});
		assertThat(comments).as("HTML comments with article codes sent to the browser").isEmpty();
		assertThat(PageLanguage.findingsIn(visibleText(), proseText(document))).as("what the page must not show:%n%s", excerpt()).isEmpty();
	}

	/**
	 * What a reader sees: the text, the title, alt, placeholder and aria-label attributes, buttons' values and the
	 * options of every list, joined by a mark no page uses.
	 */
	public String visibleText() {
		return visibleText(document);
	}

	/** What a reader sees of this document but what it shows verbatim as machine text ({@code <code>}, {@code <pre>}). */
	public static String proseText(Document document) {
		var prose = document.clone();
		prose.select("code, pre, samp, kbd").remove();
		return visibleText(prose);
	}

	/** What a reader sees of this document (see {@link #visibleText()}). */
	public static String visibleText(Document document) {
		var seen = new StringBuilder(document.text());
		for (var attribute : List.of("title", "alt", "placeholder", "aria-label")) {
			document.select("[" + attribute + "]").forEach(e -> seen.append(" \u2016 ").append(e.attr(attribute)));
		}
		document.select("input[type=submit][value], input[type=button][value]")
			.forEach(e -> seen.append(" \u2016 ").append(e.attr("value")));
		document.select("option").forEach(e -> seen.append(" \u2016 ").append(e.text()));
		return seen.toString();
	}

	private String excerpt() {
		var body = document.body().outerHtml();
		return body.length() > 4000 ? body.substring(0, 4000) + "…" : body;
	}
}
