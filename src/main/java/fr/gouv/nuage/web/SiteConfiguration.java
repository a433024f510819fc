package fr.gouv.nuage.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What every page shares: its language ({@link Languages}) and what the layout
 * ({@code templates/layout.html}) shows around it — the address of the same page in the
 * other language, the page's path for the menu, and the deployment's settings for the
 * footer's accessibility status.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SiteSettings.class)
class SiteConfiguration implements WebMvcConfigurer {

	private final SiteSettings settings;

	SiteConfiguration(SiteSettings settings) {
		this.settings = settings;
	}

	@Bean
	LocaleResolver localeResolver() {
		return Languages.resolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Languages(localeResolver()));
		registry.addInterceptor(new Layout(settings));
	}

	/** The layout's model, added to every page rendered from a template. */
	private record Layout(SiteSettings settings) implements HandlerInterceptor {

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView page) {
			if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
				return;
			}
			page.addObject("site", settings);
			page.addObject("languageSwitch", Languages.switchTo(request, RequestContextUtils.getLocale(request)));
			page.addObject("path", request.getRequestURI().substring(request.getContextPath().length()));
		}

	}

}
