package org.claimrules.cli;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() throws Exception {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream("ruleset.properties")) {
            if (in != null) {
                props.load(in);
            }
        }
        return new String[] {"claimrules " + props.getProperty("version", "unknown")};
    }
}
