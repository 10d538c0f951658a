package org.publicservice.procurement;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The application officials log into. Registered as a process application so that the models in
 * {@code processes/} and the forms in {@code forms/} deploy under stable relative names
 * (see {@code META-INF/processes.xml}).
 */
@SpringBootApplication
@EnableProcessApplication("public-service-procurement")
@ConfigurationPropertiesScan
public class ProcurementApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProcurementApplication.class, args);
  }
}
