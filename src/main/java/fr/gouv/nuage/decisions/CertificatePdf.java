package fr.gouv.nuage.decisions;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The certificate as a PDF that lasts and that everyone can read: rendered from the print
 * template ({@code templates/certificate/certificate.html}, tables only: the renderer has
 * no flexbox) by openhtmltopdf, tagged for assistive technologies (PDF/UA-1) and
 * archivable (PDF/A-3a, sRGB output intent), every glyph in the embedded Marianne. The
 * files the certificate stands for travel inside it, listed in the catalogue's
 * {@code /AF} as PDF/A-3 asks: the assessment as the person gave it
 * ({@value #ASSESSMENT}, the source) and the stamp ({@value #STAMP}: the date and the
 * decision as the API writes it, which names the pack's id, version and digest), so that
 * a verification reads no visible text. The renderer reaches nothing outside: the
 * stylesheet and the fonts come from the class path.
 */
final class CertificatePdf {

	/** The assessment, as the contract's JSON. */
	static final String ASSESSMENT = "assessment.json";

	/** The stamp: the dates and the decision. */
	static final String STAMP = "certificate.json";

	/** The stamp's contract. */
	static final String STAMP_SCHEMA = "nuage.certificate/v1";

	/** The weights of Marianne the print template uses, as TrueType. */
	private static final List<Font> FONTS = List.of(new Font("Marianne-Regular", 400, FontStyle.NORMAL),
			new Font("Marianne-Bold", 700, FontStyle.NORMAL),
			new Font("Marianne-Regular_Italic", 400, FontStyle.ITALIC));

	private record Font(String file, int weight, FontStyle style) {
	}

	/**
	 * A file the certificate carries: its name, its description in the certificate's
	 * language, how it relates to the document (PDF/A-3 {@code AFRelationship}) and its
	 * bytes.
	 */
	record Attachment(String name, String description, String relationship, byte[] bytes) {
	}

	/** Java's own sRGB profile: the output intent PDF/A asks for. */
	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private final ITemplateEngine templates;

	private final String css;

	CertificatePdf(ITemplateEngine templates) {
		this.templates = templates;
		this.css = new String(resource("/certificate/certificate.css"), StandardCharsets.UTF_8);
	}

	/**
	 * The certificate: the print template rendered with {@code variables}, then the
	 * attachments embedded.
	 */
	byte[] write(Map<String, Object> variables, Locale locale, Instant issued, List<Attachment> attachments) {
		Map<String, Object> all = new LinkedHashMap<>(variables);
		all.put("css", css);
		String xhtml = templates.process("certificate/certificate", new Context(locale, all));
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		// PDF/A-3 is built on PDF 1.7.
		builder.usePdfVersion(1.7f);
		builder.usePdfUaAccessibility(true);
		builder.usePdfAConformance(PdfAConformance.PDFA_3_A);
		builder.useColorProfile(SRGB);
		builder.withProducer("Nuage");
		for (Font font : FONTS) {
			byte[] bytes = resource("/certificate/fonts/" + font.file() + ".ttf");
			builder.useFont(() -> new ByteArrayInputStream(bytes), "Marianne", font.weight(), font.style(), true);
		}
		// Nothing is fetched: the page names no image, stylesheet or font outside.
		builder.useExternalResourceAccessControl((uri, type) -> false,
				ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		builder.useExternalResourceAccessControl((uri, type) -> false,
				ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
		builder.withHtmlContent(xhtml, null);
		try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
			renderer.layout();
			PDDocument document = renderer.createPDFKeepOpen();
			attach(document, issued, attachments);
			ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
			document.save(out);
			document.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the certificate could not be written", ex);
		}
	}

	/**
	 * The files a PDF carries, by name, each read up to {@code maxEach} bytes; a PDF that
	 * cannot be read throws, one that carries more than {@code maxFiles} files, or a file
	 * above the limit, is refused as {@link TooLarge}. The PDF is read in memory only,
	 * within {@code maxMemory}.
	 */
	static Map<String, byte[]> attachments(byte[] pdf, int maxFiles, int maxEach, long maxMemory) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
				MemoryUsageSetting.setupMainMemoryOnly(maxMemory).streamCache)) {
			PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
			PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
			Map<String, byte[]> files = new TreeMap<>();
			if (tree != null) {
				collect(tree, files, maxFiles, maxEach, 0);
			}
			return files;
		}
	}

	/** A PDF that carries more, or larger, files than a certificate does. */
	static final class TooLarge extends IOException {

		private static final long serialVersionUID = 1L;

		TooLarge(String message) {
			super(message);
		}

	}

	private static void collect(PDNameTreeNode<PDComplexFileSpecification> node, Map<String, byte[]> files,
			int maxFiles, int maxEach, int depth) throws IOException {
		if (depth > 8) {
			throw new TooLarge("the tree of attached files is deeper than a certificate's");
		}
		Map<String, PDComplexFileSpecification> here = node.getNames();
		if (here != null) {
			for (Map.Entry<String, PDComplexFileSpecification> entry : here.entrySet()) {
				if (files.size() >= maxFiles) {
					throw new TooLarge("more attached files than a certificate has");
				}
				PDEmbeddedFile file = entry.getValue() == null ? null : entry.getValue().getEmbeddedFileUnicode();
				if (file == null && entry.getValue() != null) {
					file = entry.getValue().getEmbeddedFile();
				}
				if (file != null) {
					files.put(entry.getKey(), bounded(file, maxEach));
				}
			}
		}
		if (node.getKids() != null) {
			for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
				collect(kid, files, maxFiles, maxEach, depth + 1);
			}
		}
	}

	/**
	 * The file's bytes, decoded, never more than {@code max}: a small stream may inflate.
	 */
	private static byte[] bounded(PDEmbeddedFile file, int max) throws IOException {
		try (InputStream in = file.createInputStream()) {
			byte[] bytes = in.readNBytes(max + 1);
			if (bytes.length > max) {
				throw new TooLarge("an attached file is larger than a certificate's");
			}
			return bytes;
		}
	}

	private static void attach(PDDocument document, Instant issued, List<Attachment> attachments) throws IOException {
		Calendar when = GregorianCalendar.from(issued.atZone(CertificateView.PARIS));
		Map<String, PDComplexFileSpecification> byName = new TreeMap<>();
		COSArray associated = new COSArray();
		for (Attachment attachment : attachments) {
			PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(attachment.bytes()),
					COSName.FLATE_DECODE);
			file.setSubtype("application/json");
			file.setSize(attachment.bytes().length);
			file.setCreationDate(when);
			file.setModDate(when);
			PDComplexFileSpecification spec = new PDComplexFileSpecification();
			spec.setFile(attachment.name());
			spec.setFileUnicode(attachment.name());
			spec.setFileDescription(attachment.description());
			spec.setEmbeddedFile(file);
			spec.setEmbeddedFileUnicode(file);
			spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), attachment.relationship());
			byName.put(attachment.name(), spec);
			associated.add(spec);
		}
		PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
		tree.setNames(byName);
		PDDocumentCatalog catalog = document.getDocumentCatalog();
		PDDocumentNameDictionary names = catalog.getNames() == null ? new PDDocumentNameDictionary(catalog)
				: catalog.getNames();
		names.setEmbeddedFiles(tree);
		catalog.setNames(names);
		catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
		// A reader opens the attachments' panel: the files are what the certificate
		// stands for.
		catalog.setPageMode(PageMode.USE_ATTACHMENTS);
	}

	private static byte[] resource(String path) {
		try (InputStream in = CertificatePdf.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
