package org.lawtrace.cases;

import java.util.List;

/** One page of cases found, and how many there are in all. */
public record CasePage(List<Case> items, long total, int page, int size) {
}
