package org.lawtrace.inspection;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An inspector's answers for a sampled record: one verdict (and note) per checklist item in the plan's order, and,
 * to conclude, a conclusion with reasons (required for 基本合格 and 不合格). Without a conclusion the checklist is
 * saved as work in progress.
 */
public record ReviewInput(@Nullable List<Answer> items, @Nullable Conclusion conclusion, @Nullable String reasons) {

	public record Answer(@Nullable Verdict verdict, @Nullable String note) {
	}
}
