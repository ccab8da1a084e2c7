package vn.vongtay.outreach.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.outreach.Upload;

/** Helpers the pages of this module share: pagination by asking one row more than shown, and lenient parsing. */
final class Pages {

	static final int SIZE = 50;

	private Pages() {
	}

	static <T> List<T> shown(List<T> fetched) {
		return fetched.size() > SIZE ? fetched.subList(0, SIZE) : fetched;
	}

	static String blankToNull(String value) {
		return vn.vongtay.core.web.FormValues.blankToNull(value);
	}

	/** A whole number as offices write it: {@code 1.250} or {@code 1250}. */
	static Long parseLong(String value) {
		return vn.vongtay.core.web.FormValues.wholeNumber(value);
	}

	static Integer parseInt(String value) {
		Long parsed = parseLong(value);
		if (parsed == null) {
			return null;
		}
		if (parsed > Integer.MAX_VALUE || parsed < Integer.MIN_VALUE) {
			throw UserFacingException.invalid("error.field.invalid", value);
		}
		return parsed.intValue();
	}

	static LocalDate parseDate(String value) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return LocalDate.parse(v);
		}
		catch (DateTimeParseException e) {
			throw UserFacingException.invalid("error.field.invalid", value);
		}
	}

	static <T> T at(List<T> list, int i) {
		return list == null || i >= list.size() ? null : list.get(i);
	}

	/** Unit codes typed one after another, separated by commas, semicolons or spaces. */
	static List<String> codes(String text) {
		List<String> codes = new ArrayList<>();
		if (text != null) {
			for (String code : text.split("[,;\\s]+")) {
				if (!code.isBlank()) {
					codes.add(code.strip());
				}
			}
		}
		return codes;
	}

	static List<Upload> uploads(List<MultipartFile> files) {
		List<Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
				try {
					uploads.add(new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
		return uploads;
	}
}
