package org.publicservice.procurement.supplier;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The identifiers a supplier registers with, checked digit by digit:
 *
 * <ul>
 *   <li>the 统一社会信用代码 of a legal person or other organisation (GB 32100-2015): 18 characters of the alphabet
 *       {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z); position 1 the registration authority (1 机构编制, 5 民政,
 *       9 市场监管/工商, …), 2 the kind of organisation, 3-8 the administrative division, 9-17 the organisation code,
 *       18 the check character: 31 − (Σ value × weight mod 31), with weights 3^(i−1) mod 31;</li>
 *   <li>the 公民身份号码 of a natural person (GB 11643-1999): 17 digits, of which 7-14 the birth date, and a check
 *       character by ISO 7064 MOD 11-2 (X for 10).</li>
 * </ul>
 */
public final class CreditCode {

  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  private CreditCode() {
  }

  /** Upper case without spaces: what a supplier typed, as it is compared and stored. */
  public static String normalised(String typed) {
    return typed == null ? "" : typed.replaceAll("[\\s\\u3000-]", "").toUpperCase(Locale.ROOT);
  }

  /** Whether the text is a well-formed 统一社会信用代码 whose check character is right. */
  public static boolean isValidCreditCode(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(code.charAt(i));
      if (value < 0) {
        return false;
      }
      sum += value * CREDIT_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return code.charAt(17) == ALPHABET.charAt(check);
  }

  /** The check character a 17-character code body needs (for fixtures and the demo data). */
  static char creditCheckCharacter(String body) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(body.charAt(i)) * CREDIT_WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }

  /** Whether the text is a well-formed 18-digit 公民身份号码 with a real birth date and the right check character. */
  public static boolean isValidIdNumber(String number) {
    if (number == null || number.length() != 18 || !number.substring(0, 17).chars().allMatch(Character::isDigit)) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
          Integer.parseInt(number.substring(12, 14)));
    } catch (DateTimeException e) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return number.charAt(17) == ID_CHECK.charAt(sum % 11);
  }

  /** The check character a 17-digit ID number body needs. */
  static char idCheckCharacter(String body) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return ID_CHECK.charAt(sum % 11);
  }

  /** An ID number as others may see it: the region and the last character only. */
  public static String masked(String idNumber) {
    return idNumber.length() < 18 ? "****" : idNumber.substring(0, 3) + "*".repeat(14) + idNumber.charAt(17);
  }
}
