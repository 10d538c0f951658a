package org.publicservice.procurement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring configuration of the application's tests: the demo identities plus the test settings, on a random
 * port. Camunda registers its engine ("default") and process application in a JVM-wide registry, so two differently
 * configured contexts cannot live side by side in one test JVM; every Spring test uses this annotation and shares
 * one cached context. A test that needs another configuration (PostgreSQL, the prod profile) is tagged
 * {@code isolated} and runs in a JVM of its own (see the surefire configuration in pom.xml).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public @interface ProcurementSpringTest {
}
