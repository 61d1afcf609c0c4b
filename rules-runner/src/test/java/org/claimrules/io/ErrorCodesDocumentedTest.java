package org.claimrules.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.claimrules.model.result.ErrorCode;
import org.junit.jupiter.api.Test;

/** docs/errors.md documents exactly the error codes the engine can produce. */
class ErrorCodesDocumentedTest {

    @Test
    void everyErrorCodeIsDocumentedAndNothingElse() throws IOException {
        Path doc = Path.of("..", "docs", "errors.md");
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(Files.readString(doc));
        Set<String> documented = new TreeSet<>();
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertEquals(Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
                documented);
    }
}
