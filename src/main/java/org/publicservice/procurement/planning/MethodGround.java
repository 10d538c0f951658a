package org.publicservice.procurement.planning;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grounds on which a department may ask for a method other than open tender, consultation or single source:
 * 邀请招标 (政府采购法第二十九条) and 竞争性谈判 (政府采购法第三十条第二项至第四项; 74号令第二十七条第一款第二项至第四项).
 * The decision table ProcurementMethod.dmn turns the ground into the method, and the finance bureau approves it in
 * its review (政府采购法第二十七条 for a purchase at or above the open-tender threshold). The first ground of 第三十条,
 * a failed tender, is the tender stage's change of method, not a request's.
 */
public enum MethodGround {
  NONE("不适用"),
  INVITED_LIMITED_SUPPLIERS("具有特殊性，只能从有限范围的供应商处采购（政府采购法第二十九条第一项）→ 邀请招标"),
  INVITED_DISPROPORTIONATE_COST("采用公开招标方式的费用占政府采购项目总价值的比例过大（政府采购法第二十九条第二项）→ 邀请招标"),
  NEGOTIATION_UNCLEAR_SPECS("技术复杂或者性质特殊，不能确定详细规格或者具体要求（政府采购法第三十条第二项）→ 竞争性谈判"),
  NEGOTIATION_URGENT("非采购人所能预见的原因，采用招标所需时间不能满足紧急需要（政府采购法第三十条第三项）→ 竞争性谈判"),
  NEGOTIATION_PRICE_UNKNOWN("服务的时间、数量事先不能确定，不能事先计算出价格总额（政府采购法第三十条第四项）→ 竞争性谈判");

  private final String label;

  MethodGround(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Set<String> codes() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  }
}
