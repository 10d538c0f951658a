package org.publicservice.procurement.review;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.publicservice.procurement.purchase.JsonValues;

/**
 * A member of the review panel ({@code panel}): the experts drawn, the first of them the chair, and the department's
 * representative. Written when the panel is seated and read by the review's report and the award notice, always
 * through this record.
 */
public record PanelMember(String userId, String name, String role) {

  public static final String CHAIR = "CHAIR";
  public static final String EXPERT = "EXPERT";
  public static final String DEPARTMENT_REPRESENTATIVE = "DEPARTMENT_REPRESENTATIVE";

  /** The variable (Spin JSON, text or list) as records; none when it is not set. */
  public static List<PanelMember> list(Object json) {
    return JsonValues.rows(json).stream().map(row -> new PanelMember(String.valueOf(row.get("userId")),
        row.get("name") == null ? null : row.get("name").toString(), String.valueOf(row.get("role")))).toList();
  }

  /** The panel as the variable that carries it from stage to stage. */
  public static SerializableValue json(List<PanelMember> panel) {
    return JsonValues.json(rows(panel));
  }

  /** The panel as rows, as the variable and the review report's record keep it. */
  static List<Map<String, Object>> rows(List<PanelMember> panel) {
    return panel.stream().map(JsonValues::row).toList();
  }

  /** "张三（组长）", "李四", "王五（采购人代表）": as the award notice names the panel (实施条例第四十三条). */
  public String publicName() {
    String shown = name == null ? userId : name;
    return switch (role) {
      case CHAIR -> shown + "（组长）";
      case DEPARTMENT_REPRESENTATIVE -> shown + "（采购人代表）";
      default -> shown;
    };
  }
}
