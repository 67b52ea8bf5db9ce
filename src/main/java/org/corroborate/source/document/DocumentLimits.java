package org.corroborate.source.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on imported document files, under {@code workbench.documents.*} (docs/operations.md).
 *
 * @param maxBytes the largest document file accepted (413 beyond it)
 * @param maxPages the most pages a paged document may have (400 beyond it)
 * @param maxCharacters the most characters (UTF-16 units) of text one document may yield: Tika's write
 *     limit, which stops a small file that unpacks into a huge text (400 beyond it)
 */
@ConfigurationProperties("workbench.documents")
public record DocumentLimits(@DefaultValue("50MB") DataSize maxBytes,
                             @DefaultValue("2000") int maxPages,
                             @DefaultValue("20000000") int maxCharacters) {}
