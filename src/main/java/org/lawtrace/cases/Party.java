package org.lawtrace.cases;

import org.lawtrace.shared.InvalidInput;

/** A party to a case (当事人): a natural person by resident identity number, or an organisation by credit code. */
public record Party(Kind kind, String name, String idNumber) {

	public enum Kind {
		/** 自然人: resident identity number (GB 11643). */
		NATURAL_PERSON,
		/** 法人或其他组织: unified social credit code (GB 32100). */
		ORGANIZATION
	}

	/** A checked party; {@code field} names where it sits in the request, e.g. {@code parties[0]}. */
	static Party checked(String field, Kind kind, String name, String idNumber) {
		checkName(field, name);
		return new Party(kind, name.strip(), checkedIdNumber(field, kind, idNumber));
	}

	static void checkName(String field, String name) {
		if (name.isBlank() || name.length() > 200) {
			throw new InvalidInput(field + ".name", "当事人名称必填且不超过200字 (party name is required, at most 200 characters)");
		}
	}

	/** The identity number in its one spelling (upper case), if it passes its standard's check digit. */
	static String checkedIdNumber(String field, Kind kind, String idNumber) {
		var id = idNumber.strip().toUpperCase(java.util.Locale.ROOT);
		var valid = switch (kind) {
			case NATURAL_PERSON -> PartyIdentifiers.isResidentIdNumber(id);
			case ORGANIZATION -> PartyIdentifiers.isUnifiedSocialCreditCode(id);
		};
		if (!valid) {
			throw new InvalidInput(field + ".idNumber", kind == Kind.NATURAL_PERSON
					? "公民身份号码无效 (resident identity number fails the GB 11643 check): " + idNumber
					: "统一社会信用代码无效 (unified social credit code fails the GB 32100 check): " + idNumber);
		}
		return id;
	}
}
