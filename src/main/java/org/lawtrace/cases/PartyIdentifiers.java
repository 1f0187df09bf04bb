package org.lawtrace.cases;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Check-digit validation of the identifiers a party (当事人) is known by: the resident identity number of
 * GB 11643-1999 and the unified social credit code of GB 32100-2015.
 */
final class PartyIdentifiers {

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String ID_CHECK = "10X98765432";
	private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private PartyIdentifiers() {
	}

	/** GB 11643: 17 digits (region, birth date, sequence) and a check character computed modulo 11. */
	static boolean isResidentIdNumber(String id) {
		if (!id.matches("\\d{17}[\\dX]")) {
			return false;
		}
		try {
			LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14)));
		}
		catch (DateTimeException e) {
			return false;
		}
		var sum = 0;
		for (var i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK.charAt(sum % 11) == id.charAt(17);
	}

	/** GB 32100: 18 characters from a 31-letter alphabet, the last a check character computed modulo 31. */
	static boolean isUnifiedSocialCreditCode(String code) {
		if (code.length() != 18) {
			return false;
		}
		var sum = 0;
		for (var i = 0; i < 17; i++) {
			var value = CREDIT_CHARS.indexOf(code.charAt(i));
			if (value < 0) {
				return false;
			}
			sum += value * CREDIT_WEIGHTS[i];
		}
		var check = (31 - sum % 31) % 31;
		return CREDIT_CHARS.charAt(check) == code.charAt(17);
	}
}
