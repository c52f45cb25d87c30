package io.pksorchestrator.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StemcellVersionsTest {

  @ParameterizedTest
  @CsvSource({"1.412,1.400,true", "1.400,1.412,false", "1.400,1.99,true", "621.5,456.30,true", "1.412,1.412,false",
      "1.412.1,1.412,true", "1.412,1.412.0,false", "2,1.999,true"})
  void comparesNumericallyPerPart(String candidate, String than, boolean newer) {
    assertThat(StemcellVersions.isNewer(candidate, than)).isEqualTo(newer);
  }
}
