package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.FormRules.reject;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a bidder lodged the bid bond the documents ask for, and its reference (the transfer's serial number, the
 * guarantee's number): 实施条例第三十三条 allows cheques, drafts, promissory notes and guarantees of financial or
 * guarantee institutions, never cash; the documents state the amount (at most 2% of the budget, checked by
 * {@link TenderDocumentsValidator}). Recorded with the bid and sealed with it. A bid that states no bond is still
 * received: whether it is invalid for it (87号令第六十三条第一项) is the panel's decision in the compliance review, which
 * reads the bond from the opened bid; a stated bond must name a lawful form and its reference.
 */
public final class BidBond {

  /** The forms a bond may take, with their Chinese names. */
  public static final Map<String, String> FORMS = forms();
  static final int MAX_REFERENCE = 100;
  /** What the panel reads for a bid that states no bond although the documents ask for one. */
  public static final String NOT_STATED = "投标文件未载明投标保证金";

  /** A bid's bond: its form and reference, or none when the documents ask for no bond. */
  public record Lodged(String form, String reference) {
    static final Lodged NONE = new Lodged(null, null);

    /** "银行保函（编号BH2026-001）", or "" without a bond. */
    public String text() {
      return form == null ? "" : FORMS.get(form) + "（编号" + reference + "）";
    }
  }

  private BidBond() {
  }

  private static Map<String, String> forms() {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("TRANSFER", "银行转账（支票、汇票、本票）");
    forms.put("BANK_GUARANTEE", "银行保函");
    forms.put("INSTITUTION_GUARANTEE", "担保机构保函或保证保险");
    return java.util.Collections.unmodifiableMap(forms);
  }

  /** The bond as stated, or none; nothing is recorded when the documents ask for no bond. Refused in Chinese. */
  static Lodged check(BigDecimal required, String form, String reference) {
    if (required == null || required.signum() == 0) {
      return Lodged.NONE;
    }
    String chosen = form == null ? "" : form.strip();
    if (chosen.isEmpty()) {
      return Lodged.NONE;
    }
    if ("CASH".equals(chosen)) {
      throw reject("bondForm", "投标保证金不得以现金形式提交（政府采购法实施条例第三十三条）。");
    }
    if (!FORMS.containsKey(chosen)) {
      throw reject("bondForm", "请从列表中选择投标保证金的提交方式（转账、银行保函或担保机构保函，不接受现金）。");
    }
    String ref = reference == null ? "" : reference.strip();
    if (ref.isEmpty()) {
      throw reject("bondReference", "请填写投标保证金的转账流水号或保函编号。");
    }
    if (ref.length() > MAX_REFERENCE) {
      throw reject("bondReference", "投标保证金凭证编号不能超过" + MAX_REFERENCE + "个字。");
    }
    return new Lodged(chosen, ref);
  }
}
