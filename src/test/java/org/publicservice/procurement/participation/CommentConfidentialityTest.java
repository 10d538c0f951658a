package org.publicservice.procurement.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No personal data of residents and no comment text on any public page or in the open data: only the number of
 * comments is public (confidentiality).
 */
@ProcurementSpringTest
class CommentConfidentialityTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DisclosureRegister register;

  @Test
  void aCommentsTextNameAndAddressAppearNowhereInPublic() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String service = "如东县助残康复服务" + tag;
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request(service, 540_000));
    String name = "赵居民" + tag;
    String text = "机密意见" + tag + "：建议增加康复师人数";
    String address = "resident-" + tag + "@example.com";

    PortalClient resident = new PortalClient(port);
    resident.openProject(projectNumber);
    assertThat(resident.comment(projectNumber, name, text, address).statusCode()).isEqualTo(302);

    long intention = register.findByProject(projectNumber).get(0).id();
    PortalClient reader = new PortalClient(port);
    List<String> paths = new ArrayList<>(List.of("/portal", "/portal/notices", "/portal/notices?q=" + tag,
        "/portal/notices?q=" + tag.substring(0, 4), "/portal/notices/" + intention,
        "/portal/projects/" + projectNumber, "/portal/projects/" + projectNumber + "?comment=sent",
        "/portal/organisations", "/portal/organisations/org-yangguang", "/portal/statistics",
        "/ocds/releases/" + projectNumber, "/ocds/records/" + projectNumber, "/ocds/releases"));
    for (String path : paths) {
      var answer = reader.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.body()).as(path).doesNotContain(tag.substring(0, 4) + "：", name, text, address, "赵居民",
          "康复师人数", "resident-" + tag);
    }
    assertThat(reader.get("/portal/projects/" + projectNumber).body())
        .contains(service, "已有 <strong>1</strong> 条公众意见送达采购单位");
    // the comment is a process of its own: the project's notices and its OCDS releases are unchanged by it
    assertThat(register.findByProject(projectNumber)).hasSize(1);
  }
}
