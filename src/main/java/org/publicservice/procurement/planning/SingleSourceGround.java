package org.publicservice.procurement.planning;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The grounds on which 政府采购法 art. 31 allows single-source procurement, and "none". */
public enum SingleSourceGround {
  NONE("不适用"),
  UNIQUE_SUPPLIER("只能从唯一供应商处采购（第三十一条第一项）"),
  EMERGENCY("发生了不可预见的紧急情况（第三十一条第二项）"),
  ADDITIONAL_PURCHASE("须保证原有项目一致性或服务配套，添购不超过原合同金额10%（第三十一条第三项）");

  private final String label;

  SingleSourceGround(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Set<String> codes() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  }
}
