package org.publicservice.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The application's Flyway migrations: branches add them side by side, so each has a version of its own in Flyway's
 * form, and an installation that already applied a higher version still takes one merged below it.
 */
class MigrationsTest {

  private static final Pattern NAME = Pattern.compile("V(\\d+(?:_\\d+)*)__[a-z0-9_]+\\.sql");

  @Test
  void everyMigrationHasAVersionOfItsOwnAndUpgradesApplyOneMergedBelowTheNewest() throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      names = files.map(file -> file.getFileName().toString()).sorted().toList();
    }
    assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).matches(NAME));
    List<String> versions = names.stream().map(name -> {
      Matcher matcher = NAME.matcher(name);
      return matcher.matches() ? matcher.group(1).replace('_', '.') : name;
    }).toList();
    assertThat(versions).doesNotHaveDuplicates();

    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties settings = yaml.getObject();
    assertThat(settings.getProperty("spring.flyway.out-of-order")).isEqualTo("true");
  }
}
