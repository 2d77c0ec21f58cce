package dev.portolan.knowledge.page;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.testsupport.SharedRegistryData;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.knowledge.text.PlainTextPage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchPrint {
    @Test
    void print() throws Exception {
        PortPages pages = new PortPages(Registry.of(SharedRegistryData.xml()), Knowledge.embedded());
        PlainTextPage text = new PlainTextPage(Messages.of(ULocale.ENGLISH), 100);
        StringBuilder sb = new StringBuilder();
        for (int p : new int[] {60, 443, 60327, 0, 22, 5000}) {
            sb.append(text.render(pages.page(p))).append("\n\n#############\n\n");
        }
        Files.writeString(Path.of("target/scratch.txt"), sb);
    }
}
