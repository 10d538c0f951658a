package org.publicservice.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProcurementApplicationTest {

  @Autowired RepositoryService repositoryService;

  @Test
  void deploysTheModelsAndFormsUnderRelativeNames() {
    var deployment = repositoryService.createDeploymentQuery().singleResult();
    var names = repositoryService.getDeploymentResourceNames(deployment.getId());
    assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).matches("(processes|forms)/[^/]+"));
  }
}
