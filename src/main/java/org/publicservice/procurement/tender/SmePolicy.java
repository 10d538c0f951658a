package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.FormRules.reject;

import java.math.BigDecimal;
import org.publicservice.procurement.supplier.EnterpriseSize;
import org.publicservice.procurement.supplier.SupplierType;
import org.publicservice.procurement.supplier.Suppliers;

/**
 * The policy for small and medium enterprises of one tender (政府采购促进中小企业发展管理办法, 财库〔2020〕46号, with the
 * rates of 财库〔2022〕19号), as the tender documents state it:
 *
 * <ul>
 *   <li>{@link #NONE}: open to all; a small or micro enterprise that declares itself in its bid has its price reduced
 *       by the documents' rate for the evaluation (财库〔2020〕46号第九条: 6%-10% for goods and services, raised to 10%-20% by
 *       财库〔2022〕19号二, in force from 2022-07-01), small and micro alike;</li>
 *   <li>{@link #SME}: reserved for small and medium enterprises (财库〔2020〕46号第七条: suitable purchases up to 2,000,000 yuan
 *       must be; 第八条: a share above it); no deduction, since every bidder is one;</li>
 *   <li>{@link #SOCIAL_ORGANISATION}: reserved for social organisations, only where a law, regulation or national
 *       policy says the purchase should go to non-enterprises (财库〔2020〕46号第六条第二款第（一）项), which the documents must cite.</li>
 * </ul>
 *
 * The declaration is the bidder's 中小企业声明函 (财库〔2020〕46号第十一条): nobody may ask for other proof of its size.
 */
public final class SmePolicy {

  public static final String NONE = "NONE";
  public static final String SME = "SME";
  public static final String SOCIAL_ORGANISATION = "SOCIAL_ORGANISATION";
  /** 财库〔2022〕19号: the deduction for small and micro enterprises in goods and services, 10% to 20%. */
  public static final BigDecimal MIN_DEDUCTION = BigDecimal.TEN;
  public static final BigDecimal MAX_DEDUCTION = BigDecimal.valueOf(20);

  private SmePolicy() {
  }

  /** The declared size as stored: MEDIUM, SMALL or MICRO, or {@code null} for none. */
  static String declaration(String declared) {
    if (declared == null || declared.isBlank() || NONE.equals(declared)) {
      return null;
    }
    EnterpriseSize size = EnterpriseSize.parse(declared);
    if (size == null || !size.sme()) {
      throw reject("smeDeclaration", "《中小企业声明函》只能声明中型、小型或微型企业。");
    }
    return size.name();
  }

  /** Refuses a bidder the reservation excludes, or a declaration its type cannot make. */
  static void checkBidder(String reservation, Suppliers.Supplier supplier, String declaration) {
    SupplierType type = supplier == null ? null : supplier.type();
    if (declaration != null && type != SupplierType.ENTERPRISE) {
      throw reject("smeDeclaration", "只有企业（含个体工商户）可以出具《中小企业声明函》（财库〔2020〕46号第二条），请选择“不适用”。");
    }
    if (SME.equals(reservation) && declaration == null) {
      throw reject("smeDeclaration", "本项目专门面向中小企业采购（财库〔2020〕46号），投标须出具《中小企业声明函》；"
          + "大型企业和非企业供应商不能参加本项目。");
    }
    if (SOCIAL_ORGANISATION.equals(reservation) && type != SupplierType.SOCIAL_ORGANISATION) {
      throw reject(null, "本项目依法专门面向社会组织采购（依据见招标公告），只有在平台注册为社会组织的供应商可以投标。");
    }
  }

  /** The price deduction in percent a bid gets: the documents' rate for a declared small or micro enterprise. */
  static BigDecimal deductionFor(String reservation, BigDecimal documentsRate, String declaration) {
    EnterpriseSize size = EnterpriseSize.parse(declaration);
    if ((reservation == null || NONE.equals(reservation)) && documentsRate != null && size != null
        && size.smallOrMicro()) {
      return documentsRate;
    }
    return BigDecimal.ZERO;
  }

  /** The line of the tender notice that states the policy (财库〔2020〕46号第十二条). */
  static String noticeText(String reservation, String basis, BigDecimal deduction) {
    if (SME.equals(reservation)) {
      return "本项目专门面向中小企业采购（政府采购促进中小企业发展管理办法第七条、第八条" + (basis == null ? "" : "；" + basis)
          + "）。投标人须在投标文件中出具《中小企业声明函》，大型企业和非企业供应商不得参加。";
    }
    if (SOCIAL_ORGANISATION.equals(reservation)) {
      return "本项目专门面向社会组织采购，依据：" + basis + "（政府采购促进中小企业发展管理办法第六条第二款第（一）项）。";
    }
    return "本项目非专门面向中小企业采购。对在投标文件中出具《中小企业声明函》的小型和微型企业，其报价给予"
        + deduction.stripTrailingZeros().toPlainString() + "%的扣除，用扣除后的价格参加评审（财库〔2020〕46号第九条；"
        + "财库〔2022〕19号）；中标的，随中标结果公开其《中小企业声明函》。";
  }
}
