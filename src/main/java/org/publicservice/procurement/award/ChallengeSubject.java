package org.publicservice.procurement.award;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a challenge (质疑) is against (政府采购法第五十二条: 采购文件、采购过程和中标、成交结果), with the day the law counts
 * its 7 working days from (实施条例第五十三条, 94号令第十条、第十一条).
 */
public enum ChallengeSubject {
  /** From obtaining the documents or the end of their announcement period (实施条例第五十三条第一项, 94号令第十一条). */
  DOCUMENTS("采购文件"),
  /** From the end of the step of the procedure challenged (实施条例第五十三条第二项). */
  PROCESS("采购过程"),
  /** From the end of the result notice period (实施条例第五十三条第三项). */
  RESULT("中标（成交）结果");

  private final String label;

  ChallengeSubject(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<ChallengeSubject> of(String code) {
    return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
  }
}
