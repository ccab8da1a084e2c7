package vn.vongtay.core.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start that failed on the database into the one clear message Spring Boot prints in place of a stack trace
 * ("APPLICATION FAILED TO START", then the description and the action), in Vietnamese and in English.
 */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseStartFailure> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseStartFailure cause) {
		return new FailureAnalysis(cause.bothLanguages(),
				"Khởi động lại Vòng Tay sau khi làm theo hướng dẫn trên. / Start Vòng Tay again once done as said above.",
				cause);
	}
}
