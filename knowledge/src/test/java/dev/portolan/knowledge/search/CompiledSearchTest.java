package dev.portolan.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledSearchTest {
    @Test
    void theCompiledFilesTheProgramCarries_areWhatTheKnowledgeAndBaselineGiveNow() throws IOException {
        Map<String, byte[]> now = CompiledSearch.compile().write();
        assertThat(now).containsKeys(CompiledSearch.RESOURCE, CompiledSearch.notesResource("en"),
                CompiledSearch.notesResource("zh"));
        for (Map.Entry<String, byte[]> f : now.entrySet()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(f.getKey())) {
                assertThat(in).as(f.getKey()).isNotNull();
                assertThat(in.readAllBytes()).as(f.getKey()).isEqualTo(f.getValue());
            }
        }
    }

    @Test
    void aDamagedIndex_isRefusedWithAHint() {
        assertThatThrownBy(() -> CompiledSearch.read(new byte[] {1, 2, 3})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is damaged").hasMessageContaining("rebuild with: mvn -q package");
    }
}
